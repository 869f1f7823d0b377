// Command pulumi-language-python starts the Python language host of github.com/pulumi/pulumi/sdk/v3 v3.79.0 with the
// flags that engines of its time passed and the pinned v3.259.0 engine no longer passes. Built and installed by
// scripts/build-language-python; the host itself is unmodified, in ../libexec/pulumi-language-python/.
//
// Why: engines up to the v3.79.0 era started a language host as `host -<option>=<value>... -root=<project dir>
// <engine address>` (buildArgsForNewPlugin in sdk/go/common/resource/plugin/langruntime_plugin.go at v3.79.0). The
// v3.259.0 engine passes only the address and sends the project's runtime options in RunRequest.info (ProgramInfo), a
// field the v3.79.0 host's protocol predates. Without this launcher the host silently ignores `runtime.options.
// virtualenv` in Pulumi.yaml and runs the program with whatever `python3` is first on PATH. The engine starts the
// host in the program directory (ctx.Pwd, pkg/host/host.go at v3.259.0), so the launcher finds the project there the
// way the old engine did and passes the one option the v3.79.0 host declares (`-virtualenv`), plus `-root`.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
)

func main() {
	self, err := os.Executable()
	if err != nil {
		fail("cannot locate itself: %v", err)
	}
	host := filepath.Join(filepath.Dir(self), "..", "libexec", "pulumi-language-python", "pulumi-language-python")
	args := os.Args[1:]
	// An engine that passes the flags itself (v3.79.0-era) is obeyed as is.
	if !hasFlag(args, "root") && !hasFlag(args, "virtualenv") {
		args = append(projectFlags(), args...)
	}
	// Exec, not spawn: the engine talks to the host on the port it prints and kills the process it started.
	if err := syscall.Exec(host, append([]string{host}, args...), os.Environ()); err != nil {
		fail("cannot start %s: %v", host, err)
	}
}

// projectFlags returns `-root` and `-virtualenv` for the project around the working directory, or nothing when there
// is none (the engine also starts language hosts outside programs, for instance for `pulumi about`). A project file
// that does not load is left to the engine, which loaded it before starting the host and reports its errors itself.
func projectFlags() []string {
	cwd, err := os.Getwd()
	if err != nil {
		return nil
	}
	path, err := workspace.DetectProjectPathFrom(cwd)
	if err != nil || path == "" {
		return nil
	}
	project, err := workspace.LoadProject(path)
	if err != nil {
		return nil
	}
	flags := []string{"-root=" + filepath.Dir(path)}
	if virtualenv, ok := project.Runtime.Options()["virtualenv"].(string); ok && virtualenv != "" {
		flags = append(flags, "-virtualenv="+virtualenv)
	}
	return flags
}

// hasFlag reports whether args set the Go flag `name` in any of the spellings the flag package accepts.
func hasFlag(args []string, name string) bool {
	for _, arg := range args {
		trimmed := strings.TrimLeft(arg, "-")
		if trimmed == arg || arg == "--" {
			continue
		}
		if trimmed == name || strings.HasPrefix(trimmed, name+"=") {
			return true
		}
	}
	return false
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "pulumi-language-python launcher: "+format+"\n", args...)
	os.Exit(1)
}
