package prompt

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

func typeKey(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

func TestEvents(t *testing.T) {
	p := New("/")
	p.Open("")
	var ev Event
	for _, r := range "冰灯" {
		if p, ev = p.Update(typeKey(r)); ev != Changed {
			t.Fatalf("typing %q: event %v", r, ev)
		}
	}
	if p, ev = p.Update(tea.KeyPressMsg{Code: tea.KeyLeft}); ev != None {
		t.Fatalf("cursor move: event %v", ev)
	}
	if p, ev = p.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); ev != Submit || p.IsOpen() || p.Value() != "冰灯" {
		t.Fatalf("enter: %v open=%v %q", ev, p.IsOpen(), p.Value())
	}
	p.Open("x")
	if p, ev = p.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); ev != Cancel || p.IsOpen() {
		t.Fatalf("esc: %v", ev)
	}
}

func TestPasteDropsControls(t *testing.T) {
	p := New("/")
	p.Open("")
	p, ev := p.Paste(tea.PasteMsg{Content: "a\x1b]52;c;x\x07b\u009bc"})
	if ev != Changed || strings.ContainsAny(p.Value(), "\x1b\x07\u009b") {
		t.Fatalf("paste: %v %q", ev, p.Value())
	}
}

func TestViewIsExactlyWidth(t *testing.T) {
	for _, wide := range []bool{false, true} {
		cond := &runewidth.Condition{EastAsianWidth: wide}
		for _, text := range []string{"", "“引号”……", strings.Repeat("很长的查询词", 20)} {
			for _, w := range []int{1, 2, 5, 10, 40} {
				p := New("search all: ")
				p.Open(text)
				if got := cond.StringWidth(ansi.Strip(p.View(w, cond))); got != w {
					t.Fatalf("wide=%v %q at %d: %d columns", wide, text, w, got)
				}
			}
		}
	}
}

func TestOpenSelectedReplacesOnTyping(t *testing.T) {
	p := New("F: ")
	p.SetHistory([]string{"旧", "冰灯"})
	p.OpenSelected()
	if p.Value() != "冰灯" || !p.Selected() {
		t.Fatalf("opened on %q selected=%v", p.Value(), p.Selected())
	}
	p, ev := p.Update(typeKey('夜'))
	if p.Value() != "夜" || ev != Changed {
		t.Fatalf("typing over the selection: %q %v", p.Value(), ev)
	}
	// a movement key keeps the text and ends the selection
	p.Close()
	p.OpenSelected()
	if p.Value() != "夜" {
		t.Fatalf("reopened on %q", p.Value())
	}
	p, _ = p.Update(tea.KeyPressMsg{Code: tea.KeyLeft})
	p, _ = p.Update(typeKey('市'))
	if p.Value() != "市夜" {
		t.Fatalf("typing after a move: %q", p.Value())
	}
	// a deleting key deletes the whole selection
	p.Close()
	p.OpenSelected()
	p, ev = p.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	if p.Value() != "" || ev != Changed {
		t.Fatalf("backspace over the selection: %q %v", p.Value(), ev)
	}
}

func TestHistoryRecall(t *testing.T) {
	p := New("F: ")
	p.SetHistory([]string{"一", "二"})
	p.Open("")
	p, _ = p.Update(typeKey('x'))
	up, down := tea.KeyPressMsg{Code: tea.KeyUp}, tea.KeyPressMsg{Code: tea.KeyDown}
	for _, step := range []struct {
		k    tea.KeyPressMsg
		want string
	}{{up, "二"}, {up, "一"}, {up, "一"}, {down, "二"}, {down, "x"}, {down, "x"}} {
		p, _ = p.Update(step.k)
		if p.Value() != step.want {
			t.Fatalf("%s: %q, want %q", step.k, p.Value(), step.want)
		}
	}
}
