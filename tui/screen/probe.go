package screen

import (
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/mattn/go-runewidth"
)

// WidthMsg tells the model how wide the terminal draws the East Asian
// ambiguous characters (“ ” ‘ ’ … — ·), found by asking it (see Run).
// Cond is the program's measure from now on: the same Condition as before
// when the width did not change, a new one when it did, which the model
// must lay everything out with again. How says how the width was decided.
type WidthMsg struct {
	Cond *runewidth.Condition
	Wide bool
	How  string
}

// What WidthMsg.How says.
const (
	HowAsked    = "asked the terminal"
	HowNoAnswer = "terminal did not answer"
)

// The probe: the cursor on the first cell of the second row (a report of
// row 1 would read like the key Shift+F3), one ambiguous character, a
// cursor position request and a Primary Device Attributes request. Every
// terminal answers DA, and in order: a DA answer with no position report
// before it means the terminal does not report. The probe character is
// painted over at once: its row is written again in the same write, the
// rest of the screen is left alone.
const (
	probeRow, probeCol = 1, 0
	probeSeq           = "\x1b[2;1H“\x1b[6n" + requestDA
)

// probeWait is how long a probe is waited for before the program is told
// the terminal did not answer; an answer after that still counts.
var probeWait = 3 * time.Second

// probe is where the session's question about the ambiguous width stands.
// It is touched on the program's event loop only (the filter).
type probe struct {
	state   int // probeOff, probeSent, probeDone
	reports bool
	timer   *time.Timer
}

const (
	probeOff = iota
	probeSent
	probeDone
)

// probeTimeoutMsg ends the wait for the answer to the probe.
type probeTimeoutMsg struct{}

// startProbe asks the terminal, after the first frame is painted, how wide
// it draws an ambiguous character. It never waits for the answer.
func (s *session) startProbe() {
	if !s.ask || s.probe.state != probeOff {
		return
	}
	s.probe.state = probeSent
	s.loop.afterFrame(probeSeq, probeRow)
	s.probe.timer = time.AfterFunc(probeWait, func() { s.send(probeTimeoutMsg{}) })
}

// probeAnswer turns a message that answers the probe into what the model
// gets instead (a WidthMsg, or nothing); other messages pass.
func (s *session) probeAnswer(msg tea.Msg) (tea.Msg, bool) {
	if s.probe.state != probeSent {
		if _, ok := msg.(probeTimeoutMsg); ok {
			return nil, true
		}
		return msg, false
	}
	switch m := msg.(type) {
	case tea.CursorPositionMsg:
		s.probe.state = probeDone
		s.probe.timer.Stop()
		wide := m.X-probeCol >= 2
		return WidthMsg{Cond: s.condFor(wide), Wide: wide, How: HowAsked}, true
	case uv.PrimaryDeviceAttributesEvent:
		// no position report came before it: the terminal does not report
		s.probe.state = probeDone
		s.probe.timer.Stop()
		return WidthMsg{Cond: s.cond, Wide: s.cond.EastAsianWidth, How: HowNoAnswer}, true
	case probeTimeoutMsg:
		// still listening: a late answer re-lays out
		return WidthMsg{Cond: s.cond, Wide: s.cond.EastAsianWidth, How: HowNoAnswer}, true
	}
	return msg, false
}

// condFor is the program's measure with ambiguous characters wide or not:
// the one in use when it already measures so, else a new Condition like it.
func (s *session) condFor(wide bool) *runewidth.Condition {
	if s.cond.EastAsianWidth == wide {
		return s.cond
	}
	c := &runewidth.Condition{EastAsianWidth: wide, StrictEmojiNeutral: s.cond.StrictEmojiNeutral}
	if !c.StrictEmojiNeutral {
		// runewidth's shared tables answer only for StrictEmojiNeutral
		c.CreateLUT()
	}
	return c
}
