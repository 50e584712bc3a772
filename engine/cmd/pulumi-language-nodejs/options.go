package main

import (
	"fmt"
	"strings"

	"google.golang.org/protobuf/types/known/structpb"
)

// nodeOptions are the `runtime.options` of a Pulumi.yaml or PulumiPolicy.yaml for nodejs.
type nodeOptions struct {
	typescript   bool
	tsconfigPath string
	nodeArgs     []string
}

func parseOptions(options *structpb.Struct) (nodeOptions, error) {
	parsed := nodeOptions{typescript: true}
	for key, value := range options.AsMap() {
		switch key {
		case "typescript":
			flag, ok := value.(bool)
			if !ok {
				return parsed, fmt.Errorf("runtime option typescript must be true or false, got %v", value)
			}
			parsed.typescript = flag
		case "tsconfig":
			path, ok := value.(string)
			if !ok {
				return parsed, fmt.Errorf("runtime option tsconfig must be a path, got %v", value)
			}
			parsed.tsconfigPath = path
		case "nodeargs":
			args, ok := value.(string)
			if !ok {
				return parsed, fmt.Errorf("runtime option nodeargs must be a string, got %v", value)
			}
			parsed.nodeArgs = strings.Fields(args)
		}
	}
	return parsed, nil
}

// env is what these options add to the Node.js process's environment.
func (o nodeOptions) env() []string {
	var env []string
	if o.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if o.tsconfigPath != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfigPath)
	}
	return env
}
