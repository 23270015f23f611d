package screen

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestRunExec(t *testing.T) {
	ft := &fakeTerm{w: 20, h: 4}
	m := &pager{run: func() tea.Cmd {
		c := exec.Command("sh", "-c", "exit 3")
		c.Stdin = strings.NewReader("") // the test's input is a pipe that never ends
		return Exec(c, func(err error) tea.Msg { return execDoneMsg{err} })
	}}
	out, err := program(t, m, ft, func(s *session, out *recorder) {
		waitFor(t, "the first screen", func() bool { return out.count() >= 2 })
		s.send(tea.KeyPressMsg{Code: 'x', Text: "x"})
		done := (&pager{w: 20, h: 4, execDone: true}).View().Content
		waitFor(t, "the repaint and the command's message", func() bool {
			b := out.bytes()
			i := bytes.LastIndex(b, []byte(leaveSeq+enterSeq))
			return i > 0 && shows(b[i+len(leaveSeq+enterSeq):], done, 20, 4) == nil
		})
		s.send(tea.QuitMsg{})
	})
	if err != nil {
		t.Fatal(err)
	}
	var exit *exec.ExitError
	if !m.execDone || !errors.As(m.execErr, &exit) || exit.ExitCode() != 3 {
		t.Errorf("callback got done=%v err=%v, want exit status 3", m.execDone, m.execErr)
	}
	if got, want := ft.history(), "raw restore raw restore"; got != want {
		t.Errorf("terminal calls %q, want %q", got, want)
	}
	b := out.bytes()
	i := bytes.Index(b, []byte(leaveSeq+enterSeq))
	if i < 0 || !bytes.HasPrefix(b[i+len(leaveSeq+enterSeq):], []byte(wipe)) {
		t.Errorf("no full repaint after the command: %q", b)
	}
}

// TestExecResetsWhatTheChildLeft runs a child that leaves a scrolling
// region and origin mode set: the screen painted after it must still be
// right.
func TestExecResetsWhatTheChildLeft(t *testing.T) {
	ft := &fakeTerm{w: 20, h: 6}
	var rec *recorder
	m := &pager{run: func() tea.Cmd {
		c := exec.Command("sh", "-c", `printf '\033[2;3r\033[?6h'`)
		c.Stdin, c.Stdout = strings.NewReader(""), rec
		return Exec(c, func(err error) tea.Msg { return execDoneMsg{err} })
	}}
	done := (&pager{w: 20, h: 6, execDone: true}).View().Content
	out, err := program(t, m, ft, func(s *session, out *recorder) {
		rec = out
		waitFor(t, "the first screen", func() bool { return out.count() >= 2 })
		s.send(tea.KeyPressMsg{Code: 'x', Text: "x"})
		waitFor(t, "the repaint after the command", func() bool {
			b := out.bytes()
			i := bytes.LastIndex(b, []byte(enterSeq))
			return i > 0 && bytes.Contains(b[i:], []byte("done"))
		})
		s.send(tea.QuitMsg{})
	})
	if err != nil {
		t.Fatal(err)
	}
	b := out.bytes()
	b = b[:bytes.LastIndex(b, []byte(leaveSeq))] // the screen before the end
	if err := shows(b, done, 20, 6); err != nil {
		t.Errorf("after a child that left a scrolling region: %v", err)
	}
}

func TestExecOutsideRun(t *testing.T) {
	c := &execCommand{Cmd: exec.Command("sh", "-c", "echo out; echo err >&2")}
	var stdout, stderr bytes.Buffer
	c.SetStdout(&stdout)
	c.SetStderr(&stderr)
	c.SetStdin(strings.NewReader(""))
	other := &bytes.Buffer{}
	c.SetStdout(other) // already set: kept
	if err := c.Run(); err != nil {
		t.Fatal(err)
	}
	if stdout.String() != "out\n" || stderr.String() != "err\n" || other.Len() != 0 {
		t.Errorf("stdout %q stderr %q other %q", stdout.String(), stderr.String(), other.String())
	}
	if Exec(exec.Command("true"), nil) == nil {
		t.Error("Exec returned no command")
	}
}
