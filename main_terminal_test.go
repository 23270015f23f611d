//go:build unix

package main

import (
	"strings"
	"testing"
	"time"
)

// Without a terminal that can move the cursor the browser refuses to
// start, before writing anything, and points to the other modes.
func TestBrowseRefusesDumbTerminal(t *testing.T) {
	t.Setenv("TERM", "dumb")
	out, errs, code := runWithin(t, 20*time.Second, coll)
	if code != exitUsage || out != "" || strings.Count(errs, "\n") != 1 ||
		!strings.Contains(errs, "cannot show the full-screen browser") || !strings.Contains(errs, "--print, --list or --grep") {
		t.Errorf("exit %d, stdout %q, stderr %q: want exit 2 and one line naming the other modes", code, out, errs)
	}
}
