//go:build linux

package main

import (
	"slices"
	"strings"
	"testing"
)

// On a terminal the path column is escaped as ls -b does: nothing in it can
// act on the terminal, and every byte can be read back.
func TestListOnTerminalEscapesPaths(t *testing.T) {
	out, errs, code := runOnTerminal(t, "--list", hostile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	assertSafe(t, "--list on a terminal", out)
	rows := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(rows) != hostileListed {
		t.Errorf("%d rows, want %d:\n%s", len(rows), hostileListed, out)
	}
	for _, want := range []string{
		`101` + "\t终端标题]0;被改写的标题注入\t" + `101终端标题\033]0;被改写的标题\007注入.txt`,
		"113\t换行 伪造 一行\t" + `113换行\n伪造\t一行.txt`,
		"111\t子目录中的文章\t" + `子目录\033]52;c;aGk=\007/111子目录中的文章.txt`,
		"\t[2J[H\t" + `\033[2J\033[H.txt`,
	} {
		if !slices.Contains(rows, want) {
			t.Errorf("no row %q in\n%s", want, out)
		}
	}
	out, _, _ = runOnTerminal(t, "--grep", "标题", hostile)
	assertSafe(t, "--grep on a terminal", out)
	if !strings.Contains(out, `101终端标题\033]0;被改写的标题\007注入.txt`+"\t") {
		t.Errorf("--grep on a terminal: %q", out)
	}
}
