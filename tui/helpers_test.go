package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/teatest"
)

// testConfig opens the sample collection of the repository.
func testConfig(t testing.TB) Config {
	t.Helper()
	return Config{
		Path: "testdata/collection", RootDir: "../testdata/collection",
		FS: loader.DirFS("../testdata/collection"), Cond: &runewidth.Condition{StrictEmojiNeutral: true},
		Measure: 80, NoColor: true, StateDir: t.TempDir(), AbsPath: "/collections/sample", Workers: 2,
		Pager: "cat", Editor: "true", Tick: teatest.Tick,
	}
}

// press builds the key message a terminal sends for a key name.
func press(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// driver runs the root model the way the program does, but synchronously
// (see teatest): every command's message is fed back before the next input.
type driver struct {
	t  *testing.T
	m  tea.Model
	tt *teatest.Driver
}

func newDriver(t *testing.T, cfg Config, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, m: New(cfg)}
	d.tt = teatest.ForModel(&d.m)
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.m.Init())
	return d
}

func (d *driver) send(msg tea.Msg) { d.tt.Send(msg) }

// run executes a command and feeds its messages back, depth first.
func (d *driver) run(cmd tea.Cmd) { d.tt.Run(cmd) }

// keys presses each key in turn ("j", "enter", "/", …).
func (d *driver) keys(ks ...string) {
	for _, k := range ks {
		d.send(press(k))
	}
}

// typeText types text into whatever has the focus.
func (d *driver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen is the plain text of the current view.
func (d *driver) screen() string {
	return ansi.Strip(d.m.View().Content)
}

func (d *driver) model() Model { return d.m.(Model) }

// squash drops the white space that layout adds between wrapped pieces.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' {
			return -1
		}
		return r
	}, s)
}

func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-1]
}
