package screen

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/tui/wrap"
)

// quotes is a model that lays out a quoted line with its measure: row 0
// says how wide “引号” is, row 1 how the width was decided, row 2 the keys
// it got.
type quotes struct {
	cond *runewidth.Condition
	w, h int
	how  string
	keys string
}

func (q *quotes) Init() tea.Cmd { return nil }
func (q *quotes) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		q.w, q.h = m.Width, m.Height
	case WidthMsg:
		q.cond, q.how = m.Cond, m.How
	case tea.KeyPressMsg:
		if m.String() == "q" {
			return q, tea.Quit
		}
		q.keys += m.String()
	}
	return q, nil
}
func (q *quotes) View() tea.View {
	if q.w == 0 {
		return tea.NewView("")
	}
	rows := []string{
		fmt.Sprintf("“引号” is %d", wrap.Width("“引号”", q.cond)),
		"how: " + q.how,
		"keys: " + q.keys,
	}
	for i := range rows {
		rows[i] = wrap.Fit(rows[i], q.w, q.cond)
	}
	return tea.NewView(strings.Join(rows, "\n"))
}

// probed runs a quotes model with ask on a fake terminal; answer is what
// the terminal writes back when it sees the probe (nil: never).
func probed(t *testing.T, answer func(keys io.Writer), drive func(s *session, out *recorder, keys io.Writer)) *quotes {
	t.Helper()
	m := &quotes{cond: narrow}
	ft := &fakeTerm{w: 30, h: 4}
	out := &recorder{}
	inR, inW := io.Pipe()
	defer inW.Close()
	watch := func(s *session) func() {
		go func() {
			waitFor(t, "the probe", func() bool { return bytes.Contains(out.bytes(), []byte("\x1b[6n")) })
			if answer != nil {
				answer(inW)
			}
			drive(s, out, inW)
		}()
		return func() {}
	}
	opts := []tea.ProgramOption{tea.WithInput(inR), tea.WithOutput(io.Discard), tea.WithoutSignalHandler()}
	done := make(chan error, 1)
	go func() { done <- run(m, ft, out, narrow, true, opts, watch) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("program did not end")
	}
	return m
}

// shown waits until the screen, as a terminal measuring with cond shows
// it, holds the rows of want.
func shown(t *testing.T, out *recorder, cond *runewidth.Condition, want ...string) {
	t.Helper()
	waitFor(t, fmt.Sprintf("rows %q", want), func() bool {
		b := withoutQueries(lastFullRepaint(out.bytes()))
		term := newVT(30, 4, cond)
		if term.feed(b) != nil {
			return false
		}
		for i, w := range want {
			if got := strings.TrimRight(term.text(i), " "); got != w {
				return false
			}
		}
		return true
	})
}

// withoutQueries is b without the probe's questions, which the model
// terminal does not answer; the character the probe draws stays.
func withoutQueries(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("\x1b[6n"), nil)
	return bytes.ReplaceAll(b, []byte(requestDA), nil)
}

// The probe draws one character on the second row: that row alone is
// written again after it, in the same write, and the rest of the frame
// is not painted twice (a first frame of a whole article used to be); an
// answer that changes nothing paints nothing.
func TestProbeRepaintsOnlyItsRow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, rec, clk := startLoop()
		defer l.stop()
		rows := []string{"标题：冬天的故事", strings.Repeat(" ", 30), "\u3000\u3000第一段正文，“引号”。", "\u3000\u3000第二段正文。", "1/4  25%"}
		frame := strings.Join(rows, "\n")
		l.afterFrame(probeSeq, probeRow)
		l.submit(frame, 30, 5)
		synctest.Wait()
		clk.pass()
		// the answer "narrow" changes nothing: the model hands over
		// the same frame again
		l.submit(frame, 30, 5)
		synctest.Wait()
		out := rec.bytes()
		if n := bytes.Count(out, []byte("\x1b[2J")); n != 1 {
			t.Errorf("the screen was wiped %d times, want once", n)
		}
		for _, r := range rows[2:] {
			if n := bytes.Count(out, []byte(r)); n != 1 {
				t.Errorf("row %q written %d times, want once", r, n)
			}
		}
		i := bytes.Index(out, []byte(probeSeq))
		if i < 0 {
			t.Fatalf("no probe in %q", out)
		}
		if after := out[i+len(probeSeq):]; len(after) > 16 {
			t.Errorf("%d bytes after the probe, want only its row again: %q", len(after), after)
		}
		if err := shows(withoutQueries(out), frame, 30, 5); err != nil {
			t.Errorf("the probe is left on screen: %v", err)
		}
		// a wide terminal draws the probe over two columns
		if term := newVT(30, 5, newCond(true)); term.feed(withoutQueries(out)) != nil || strings.TrimSpace(term.text(probeRow)) != "" {
			t.Errorf("row %d after the probe, drawn wide: %q", probeRow, term.text(probeRow))
		}
	})
}

func TestProbeNarrow(t *testing.T) {
	m := probed(t, func(k io.Writer) { io.WriteString(k, "\x1b[2;2R\x1b[?62;22c") },
		func(s *session, out *recorder, k io.Writer) {
			shown(t, out, narrow, "“引号” is 6", "how: asked the terminal")
			io.WriteString(k, "q")
		})
	if m.cond != narrow {
		t.Error("a narrow answer changed the measure")
	}
}

func TestProbeWide(t *testing.T) {
	wideCond := newCond(true)
	m := probed(t, func(k io.Writer) { io.WriteString(k, "j\x1b[2;3R\x1b[?62;22c") },
		func(s *session, out *recorder, k io.Writer) {
			shown(t, out, wideCond, "“引号” is 8", "how: asked the terminal", "keys: j")
			io.WriteString(k, "q")
		})
	if m.cond == narrow || !m.cond.EastAsianWidth {
		t.Error("a wide answer kept the narrow measure")
	}
}

func TestProbeNeverAnswered(t *testing.T) {
	defer func(d time.Duration) { probeWait = d }(probeWait)
	probeWait = time.Millisecond
	probed(t, nil, func(s *session, out *recorder, k io.Writer) {
		io.WriteString(k, "ab")
		shown(t, out, narrow, "“引号” is 6", "how: terminal did not answer", "keys: ab")
		io.WriteString(k, "q")
	})
}

func TestProbeNoReport(t *testing.T) {
	probed(t, func(k io.Writer) { io.WriteString(k, "\x1b[?62;22c") }, func(s *session, out *recorder, k io.Writer) {
		shown(t, out, narrow, "“引号” is 6", "how: terminal did not answer")
		io.WriteString(k, "q")
	})
}

// An answer after the wait still lays the program out again.
func TestProbeLateAnswer(t *testing.T) {
	defer func(d time.Duration) { probeWait = d }(probeWait)
	probeWait = time.Millisecond
	wideCond := newCond(true)
	probed(t, nil, func(s *session, out *recorder, k io.Writer) {
		shown(t, out, narrow, "“引号” is 6", "how: terminal did not answer")
		io.WriteString(k, "\x1b[2;3R")
		shown(t, out, wideCond, "“引号” is 8", "how: asked the terminal")
		io.WriteString(k, "q")
	})
}

// A size the terminal reports in-band (mode 2048) is handled like a
// SIGWINCH: the model lays out for it and the screen is painted whole; a
// report of the size in effect changes nothing.
func TestInBandResize(t *testing.T) {
	ft := &fakeTerm{w: 20, h: 5}
	m := &pager{}
	out := &recorder{}
	inR, inW := io.Pipe()
	defer inW.Close()
	watch := func(s *session) func() {
		go func() {
			waitFor(t, "the first screen", func() bool { return shows(lastFullRepaint(out.bytes()), m0(20, 5, 0), 20, 5) == nil })
			io.WriteString(inW, "\x1b[48;5;20;0;0t") // the size in effect
			io.WriteString(inW, "\x1b[48;4;16;0;0t")
			waitFor(t, "the resized screen", func() bool { return shows(lastFullRepaint(out.bytes()), m0(16, 4, 0), 16, 4) == nil })
			s.send(tea.QuitMsg{})
		}()
		return func() {}
	}
	opts := []tea.ProgramOption{tea.WithInput(inR), tea.WithOutput(io.Discard), tea.WithoutSignalHandler()}
	done := make(chan error, 1)
	go func() { done <- run(m, ft, out, narrow, false, opts, watch) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("program did not end")
	}
	if got, want := strings.Join(m.sizes, " "), "20x5 16x4"; got != want {
		t.Errorf("sizes told %q, want %q", got, want)
	}
	if !strings.Contains(enterSeq, "\x1b[?2048h") || !strings.Contains(leaveSeq, "\x1b[?2048l") {
		t.Error("in-band size reports are not asked for, or not turned off")
	}
}
