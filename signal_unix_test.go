//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const mainHelperEnv = "NEWSBROWSE_RUN_MAIN"

// TestMainHelper is the program TestInterruptExits130 starts: main with
// the arguments after "--".
func TestMainHelper(t *testing.T) {
	if os.Getenv(mainHelperEnv) != "1" {
		t.Skip("started by TestInterruptExits130 only")
	}
	for i, a := range os.Args {
		if a == "--" {
			os.Args = append([]string{"newsbrowse"}, os.Args[i+1:]...)
			break
		}
	}
	main()
}

// An outside SIGINT ends --list with 130, as the shell reports an
// interrupted command: here --list is stopped while it waits to write.
func TestInterruptExits130(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("长标题", 25)
	for i := range 1000 {
		name := filepath.Join(dir, fmt.Sprintf("%d%s.txt", i, long))
		if err := os.WriteFile(name, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestMainHelper$", "--", "--list", dir)
	cmd.Env = append(os.Environ(), mainHelperEnv+"=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// the first row means the handler is in place; the pipe, not read
	// further, then holds the program (the rows are larger than its buffer)
	if _, err := out.Read(make([]byte, 1)); err != nil {
		t.Fatal(err)
	}
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("after SIGINT: %v (exit %d), want exit 130", cmd.ProcessState, code)
	}
}
