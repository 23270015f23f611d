//go:build unix

package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/wrap"
)

// runNow runs a program the way Exec would, at once, and returns the
// message its callback makes.
func runNow(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
	return func() tea.Msg { return fn(c.Run()) }
}

// writeScript writes an executable sh script and returns its path.
func writeScript(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// A file name that looks like an editor command reaches the editor as an
// absolute path, one argument after the editor's own arguments.
func TestEditorGetsTheFileAsAnAbsolutePath(t *testing.T) {
	dir := t.TempDir()
	coll := filepath.Join(dir, "coll")
	os.Mkdir(coll, 0o755)
	names := []string{"+call writefile([], 'PWNED') | qa! | .txt", "-c!touch pwned.txt", "--help.txt"}
	for _, n := range names {
		os.WriteFile(filepath.Join(coll, n), []byte("x"), 0o644)
	}
	argsOut := filepath.Join(dir, "args")
	script := writeScript(t, dir, "ed.sh", `for a in "$@"; do printf '%s\n' "$a"; done >"`+argsOut+`"`)
	t.Chdir(coll)
	for _, n := range names {
		// EDITOR with an argument of its own, like "code -w"
		msg := editorCmd(runNow, script+" -w", ".", loader.Entry{RelPath: n})().(execMsg)
		if msg.err != nil {
			t.Fatalf("%s: %v", n, msg.err)
		}
		b, _ := os.ReadFile(argsOut)
		got := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		if len(got) != 2 || got[0] != "-w" || got[1] != filepath.Join(coll, n) {
			t.Errorf("%q: the editor got %q, want -w and %q", n, got, filepath.Join(coll, n))
		}
	}
}

// The pager gets the article as the reader lays it out, at the terminal's
// width, and LESSCHARSET=utf-8 when the environment chooses no charset.
func TestPagerGetsTheLaidOutText(t *testing.T) {
	dir := t.TempDir()
	out, env := filepath.Join(dir, "out"), filepath.Join(dir, "env")
	pager := `printf '%s' "$LESSCHARSET" >"` + env + `"; cat >"` + out + `"`
	cond := &runewidth.Condition{StrictEmojiNeutral: true}
	a, err := loader.Load(loader.DirFS("../testdata/collection"), loader.Entry{
		RelPath: "306长春冰灯艺术节开幕，夜游线路受欢迎.txt", Prefix: "306", Title: "长春冰灯艺术节开幕，夜游线路受欢迎"})
	if err != nil {
		t.Fatal(err)
	}
	for _, lessEnv := range []string{"", "LESSCHARSET=latin1"} {
		os.Unsetenv("LESSCHARSET")
		t.Setenv("LANG", "")
		t.Setenv("LC_ALL", "")
		if lessEnv != "" {
			k, v, _ := strings.Cut(lessEnv, "=")
			t.Setenv(k, v)
		}
		msg := pagerCmd(runNow, pager, a, 24, cond)().(execMsg)
		if msg.err != nil {
			t.Fatal(msg.err)
		}
		b, _ := os.ReadFile(out)
		var want strings.Builder
		for _, l := range wrap.Wrap(a.Blocks, 24, cond) {
			want.WriteString(l.Text + "\n")
		}
		if string(b) != want.String() {
			t.Errorf("the pager got\n%s\nwant\n%s", b, want.String())
		}
		for _, l := range strings.Split(string(b), "\n") {
			if w := wrap.Width(l, cond); w > 24 || strings.HasPrefix(l, "，") || strings.HasPrefix(l, "、") {
				t.Errorf("line %q (%d columns) is not laid out for 24 columns", l, w)
			}
		}
		charset, _ := os.ReadFile(env)
		if wantCS := map[string]string{"": "utf-8", "LESSCHARSET=latin1": "latin1"}[lessEnv]; string(charset) != wantCS {
			t.Errorf("with %q the pager ran with LESSCHARSET=%q, want %q", lessEnv, charset, wantCS)
		}
	}
}

// A pager or editor that is not installed is named, with the variable
// that chooses it.
func TestMissingProgramIsNamed(t *testing.T) {
	msg := editorCmd(runNow, "no-such-editor-here -w", t.TempDir(), loader.Entry{RelPath: "1.txt"})().(execMsg)
	got := execStatus(msg)
	if !strings.Contains(got, "no-such-editor-here") || !strings.Contains(got, "not found") || !strings.Contains(got, "$EDITOR") {
		t.Errorf("status %q", got)
	}
	msg = pagerCmd(runNow, "no-such-pager\x1b]0;x\a", loader.Article{}, 80, &runewidth.Condition{})().(execMsg)
	got = execStatus(msg)
	if !strings.Contains(got, "no-such-pager") || !strings.Contains(got, "$PAGER") || strings.ContainsAny(got, "\x1b\a") {
		t.Errorf("status %q", got)
	}
}
