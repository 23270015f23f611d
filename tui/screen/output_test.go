package screen

import (
	"bytes"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestTerminalOutput(t *testing.T) {
	for _, c := range []struct {
		msg  tea.Msg
		want string
	}{
		{tea.RequestBackgroundColor(), ansi.RequestBackgroundColor},
		{tea.RequestForegroundColor(), ansi.RequestForegroundColor},
		{tea.RequestCursorColor(), ansi.RequestCursorColor},
		{tea.RequestCursorPosition(), ansi.RequestCursorPositionReport},
		{tea.ReadClipboard(), ansi.RequestSystemClipboard},
		{tea.ReadPrimaryClipboard(), ansi.RequestPrimaryClipboard},
		{tea.RequestTerminalVersion(), ansi.RequestNameVersion},
		{tea.SetClipboard("复制")(), ansi.SetSystemClipboard("复制")},
		{tea.SetPrimaryClipboard("x")(), ansi.SetPrimaryClipboard("x")},
		{tea.RequestCapability("RGB")(), ansi.RequestTermcap("RGB")},
		{tea.Raw("\x1b[?1000h")(), "\x1b[?1000h"},
	} {
		if got, ok := terminalOutput(c.msg); !ok || got != c.want {
			t.Errorf("%T: %q %v, want %q", c.msg, got, ok, c.want)
		}
	}
	for _, msg := range []tea.Msg{tea.KeyPressMsg{Code: 'a'}, tea.WindowSizeMsg{}, tea.QuitMsg{}, nil} {
		if got, ok := terminalOutput(msg); ok {
			t.Errorf("%T written as %q", msg, got)
		}
	}
}

// An idle program wakes for nothing: Bubble Tea's frame timer is stopped
// once the program runs, and a query is written at once by the painting
// loop, not on that timer's tick.
func TestIdleProgramStopsTheFrameTimer(t *testing.T) {
	ft := &fakeTerm{w: 20, h: 3}
	var sess *session
	_, err := program(t, asker{}, ft, func(s *session, out *recorder) {
		sess = s
		waitFor(t, "the query", func() bool {
			return bytes.Contains(out.bytes(), []byte(ansi.RequestBackgroundColor))
		})
		s.send(tea.QuitMsg{})
	})
	if err != nil {
		t.Fatal(err)
	}
	if sess.tickerOn || !stopTicker(sess.prog) {
		t.Error("Bubble Tea's frame timer was not found and stopped: its program changed")
	}
}

// asker asks for the background colour at the start and quits on "q".
type asker struct{}

func (asker) Init() tea.Cmd  { return tea.RequestBackgroundColor }
func (asker) View() tea.View { return tea.NewView("ready") }
func (a asker) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "q" {
		return a, tea.Quit
	}
	return a, nil
}
