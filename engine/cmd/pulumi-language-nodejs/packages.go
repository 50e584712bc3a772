package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// packageJSON is the part of a package.json that says which resource plugin a package needs.
type packageJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Pulumi  *struct {
		Resource bool   `json:"resource"`
		Name     string `json:"name"`
		Version  string `json:"version"`
		Server   string `json:"server"`
	} `json:"pulumi"`
}

// GetRequiredPackages lists the resource plugins of every package under the program's node_modules whose
// package.json has `"pulumi": { "resource": true }`, as the real host does.
func (h *host) GetRequiredPackages(ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	found := map[string]*pulumirpc.PackageDependency{}
	collectPackages(filepath.Join(req.GetInfo().GetProgramDirectory(), "node_modules"), found, map[string]bool{})
	keys := make([]string, 0, len(found))
	for key := range found {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	packages := make([]*pulumirpc.PackageDependency, 0, len(keys))
	for _, key := range keys {
		packages = append(packages, found[key])
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

func collectPackages(nodeModules string, found map[string]*pulumirpc.PackageDependency, visited map[string]bool) {
	real, err := filepath.EvalSymlinks(nodeModules)
	if err != nil || visited[real] {
		return
	}
	visited[real] = true
	entries, err := os.ReadDir(real)
	if err != nil {
		return
	}
	for _, entry := range entries {
		dir := filepath.Join(real, entry.Name())
		if strings.HasPrefix(entry.Name(), "@") {
			scoped, _ := os.ReadDir(dir)
			for _, inner := range scoped {
				visitPackage(filepath.Join(dir, inner.Name()), found, visited)
			}
			continue
		}
		if !strings.HasPrefix(entry.Name(), ".") {
			visitPackage(dir, found, visited)
		}
	}
}

func visitPackage(dir string, found map[string]*pulumirpc.PackageDependency, visited map[string]bool) {
	if dependency := resourcePlugin(filepath.Join(dir, "package.json")); dependency != nil {
		found[dependency.Name+"@"+dependency.Version] = dependency
	}
	collectPackages(filepath.Join(dir, "node_modules"), found, visited)
}

func resourcePlugin(path string) *pulumirpc.PackageDependency {
	bytes, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var info packageJSON
	if json.Unmarshal(bytes, &info) != nil || info.Pulumi == nil || !info.Pulumi.Resource {
		return nil
	}
	name := info.Pulumi.Name
	if name == "" {
		name = strings.TrimPrefix(info.Name, "@pulumi/")
	}
	version := info.Pulumi.Version
	if version == "" {
		version = info.Version
	}
	if !strings.HasPrefix(version, "v") {
		version = "v" + version
	}
	return &pulumirpc.PackageDependency{Kind: "resource", Name: name, Version: version, Server: info.Pulumi.Server}
}
