package screen

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// mousePager is a pager that asks for the mouse.
type mousePager struct{ pager }

func (m *mousePager) WantsMouse() bool { return true }

// A model that wants the mouse gets button and wheel reporting in the SGR
// encoding (never motion) at the start; it is turned off before a child
// program runs, on again after, and off at the end.
func TestMouseModesSetAndReset(t *testing.T) {
	const on, off = "\x1b[?1000h\x1b[?1006h", "\x1b[?1006l\x1b[?1000l"
	ft := &fakeTerm{w: 20, h: 6}
	var between []byte
	var rec *recorder
	m := &mousePager{pager{run: func() tea.Cmd {
		c := exec.Command("true")
		c.Stdin, c.Stdout = strings.NewReader(""), rec
		return Exec(c, func(err error) tea.Msg { return execDoneMsg{err} })
	}}}
	out, err := program(t, m, ft, func(s *session, out *recorder) {
		rec = out
		waitFor(t, "the first screen", func() bool { return out.count() >= 2 })
		between = out.bytes()
		s.send(tea.KeyPressMsg{Code: 'x', Text: "x"})
		waitFor(t, "the repaint after the command", func() bool {
			return bytes.Count(out.bytes(), []byte(on)) >= 2 && bytes.Contains(out.bytes(), []byte("done"))
		})
		s.send(tea.QuitMsg{})
	})
	if err != nil {
		t.Fatal(err)
	}
	b := string(out.bytes())
	if !strings.HasPrefix(string(between), setModes(ownModes)+on) {
		t.Errorf("mouse not set at the start: %q", between[:min(len(between), 80)])
	}
	if strings.Count(b, on) != 2 || strings.Count(b, off) != 2 || !strings.Contains(b[strings.LastIndex(b, "done"):], off) {
		t.Errorf("mouse set %d times and reset %d times (want 2 and 2): %q", strings.Count(b, on), strings.Count(b, off), b)
	}
	if i, j := strings.Index(b, off), strings.LastIndex(b, on); i < 0 || i > j {
		t.Errorf("not reset before the child ran")
	}
	for _, motion := range []string{"\x1b[?1002h", "\x1b[?1003h"} {
		if strings.Contains(b, motion) {
			t.Errorf("motion tracking %q set", motion)
		}
	}
}

// A model that does not want the mouse never gets it.
func TestNoMouseByDefault(t *testing.T) {
	if strings.Contains(enterSeq, "\x1b[?1000h") || len(modesFor(&pager{})) != len(ownModes) {
		t.Fatal("mouse reporting without asking")
	}
	if got := modesFor(&mousePager{}); len(got) != len(ownModes)+2 {
		t.Fatalf("%d modes", len(got))
	}
}
