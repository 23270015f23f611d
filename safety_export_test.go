//go:build unix

package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// Every line --export writes is JSON that a terminal can show as it is:
// hostile names and bytes come out cleaned or escaped, and each file is
// either one line on stdout or one on stderr.
func TestExportShowsOnlyPrintableText(t *testing.T) {
	gen := makeCollection(t, 0)
	for _, root := range []struct {
		dir  string
		rows int
	}{{hostile, hostileListed}, {gen.dir, gen.listed}} {
		out, errs, code := runCLI(t, "--export", root.dir)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", root.dir, code, errs)
		}
		assertSafe(t, "--export stdout", out)
		assertSafe(t, "--export stderr", errs)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		skipped := strings.Count(errs, "\n")
		if len(lines)+skipped != root.rows {
			t.Errorf("%s: %d lines and %d skipped for %d articles", root.dir, len(lines), skipped, root.rows)
		}
		for _, l := range lines {
			var r map[string]any
			if err := json.Unmarshal([]byte(l), &r); err != nil || len(r) != 7 {
				t.Errorf("line %q: %v, %d keys", l, err, len(r))
			}
			for k, v := range r {
				if s, ok := v.(string); ok {
					assertSafe(t, "--export decoded "+k, s) // not only escaped
				}
			}
		}
	}
}
