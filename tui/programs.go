package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/wrap"
)

// The programs e and o hand the terminal to. Each value of $PAGER and
// $EDITOR runs as git runs it, through sh -c '$EDITOR "$@"', so a value
// with arguments (EDITOR="code -w") or quotes works as in a shell. The file
// name is only ever an argument of its own after the program, and always
// absolute: a name starting with + or - cannot be read as an option.

// execMsg reports that a program handed the terminal back.
type execMsg struct {
	what    string // "pager" or "editor"
	program string // the value of $PAGER or $EDITOR that ran
	err     error
}

// execFunc hands the terminal to another program (tea.ExecProcess or the
// painter's equivalent).
type execFunc = func(*exec.Cmd, tea.ExecCallback) tea.Cmd

// shellCommand runs program as sh -c does, with args as "$@".
func shellCommand(program string, args ...string) *exec.Cmd {
	return exec.Command("sh", append([]string{"-c", program + ` "$@"`, program}, args...)...)
}

// childPath is the path of rel under rootDir as an argument for a child:
// absolute, so it never starts with "+" or "-".
func childPath(rootDir, rel string) string {
	p := filepath.Join(rootDir, filepath.FromSlash(rel))
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return "." + string(filepath.Separator) + p
}

// editorCmd opens the article's file in the user's editor.
func editorCmd(run execFunc, editor, rootDir string, e loader.Entry) tea.Cmd {
	c := shellCommand(editor, childPath(rootDir, e.RelPath))
	return run(c, func(err error) tea.Msg { return execMsg{what: "editor", program: editor, err: err} })
}

// pagerCmd shows the article in the user's pager as the reader lays it
// out: wrapped by the same line breaker at width columns, so the pager
// never splits a word or starts a line with closing punctuation. The text
// is written to the pager as it reads it.
func pagerCmd(run execFunc, pager string, a loader.Article, width int, cond *runewidth.Condition) tea.Cmd {
	c := shellCommand(pager)
	c.Env = pagerEnv(os.Environ())
	pr, pw := io.Pipe()
	c.Stdin = pr
	go func() {
		w := bufio.NewWriter(pw)
		wrap.Each(a.Blocks, max(width, 1), cond, func(l wrap.Line) {
			w.WriteString(l.Text)
			w.WriteByte('\n')
		})
		pw.CloseWithError(w.Flush())
	}()
	return run(c, func(err error) tea.Msg {
		pr.Close() // a pager that quit early stops the writer
		return execMsg{what: "pager", program: pager, err: err}
	})
}

// pagerEnv is env with LESSCHARSET=utf-8 added when it chooses no charset
// for less: without LANG or LC_ALL (usual over SSH) less would show the
// UTF-8 text as <E4><B8><AD>.
func pagerEnv(env []string) []string {
	for _, kv := range env {
		if strings.HasPrefix(kv, "LESSCHARSET=") || strings.HasPrefix(kv, "LESSCHARDEF=") {
			return env
		}
	}
	return append(env, "LESSCHARSET=utf-8")
}

// execStatus is the status line after a program came back with err.
func execStatus(msg execMsg) string {
	name := "$PAGER"
	if msg.what == "editor" {
		name = "$EDITOR"
	}
	program := loader.SanitizeLine(msg.program)
	var ee *exec.ExitError
	switch {
	case errors.As(msg.err, &ee) && ee.ExitCode() == 127:
		// sh's status for a command it could not find
		return fmt.Sprintf(`%s "%s" was not found: set %s to a program installed here`, msg.what, program, name)
	case errors.Is(msg.err, exec.ErrNotFound):
		return "sh was not found: " + name + " cannot run"
	}
	return fmt.Sprintf("%s %s: %s", msg.what, program, loader.SanitizeLine(msg.err.Error()))
}
