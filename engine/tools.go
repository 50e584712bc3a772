//go:build tools

// Package tools pins the real Pulumi CLI that `npm run engine:install` builds.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
