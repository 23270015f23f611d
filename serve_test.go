package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newsbrowse serve never runs open, and says why it does not start.
func TestServeRefusesToStart(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	empty := filepath.Join(dir, "authorized_keys")
	os.WriteFile(empty, []byte("# nobody yet\n"), 0o600)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--authorized-keys", empty, coll}, "no usable public key"},
		{[]string{"serve", "--authorized-keys", filepath.Join(dir, "missing"), coll}, "no such file"},
		{[]string{"serve", "--authorized-keys", empty}, "one PATH"},
		{[]string{"serve", "--authorized-keys", empty, "main.go"}, "neither a folder nor a zip archive"},
		{[]string{"serve", "--max-sessions", "0", coll}, "--max-sessions"},
		{[]string{"serve", "--password", "x", coll}, "flag provided but not defined"},
	} {
		_, stderr, code := runCLI(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}
