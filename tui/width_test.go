package tui

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"newsbrowse/tui/screen"
)

// The terminal answers the probe “wide”: every view lays its text out
// again with the wide measure, the reader keeps its place, and ? says so.
func TestWidthMsgLaysOutAgain(t *testing.T) {
	const w, h = 40, 12
	cfg := testConfig(t)
	cfg.Ambiguous = "narrow (asking the terminal)"
	d := newDriver(t, cfg, w, h)
	d.keys("j", "j", "j", "j", "j", "j", "j", "enter", "j", "j")
	top := d.model().rdr.Entry().RelPath
	before := firstText(d.screen())
	wide := &runewidth.Condition{EastAsianWidth: true, StrictEmojiNeutral: true}
	d.send(screen.WidthMsg{Cond: wide, Wide: true, How: screen.HowAsked})
	if d.model().cfg.Cond != wide {
		t.Fatal("the root kept the narrow measure")
	}
	for _, where := range []string{"reader", "library"} {
		for i, line := range strings.Split(d.screen(), "\n") {
			if got := wide.StringWidth(line); got != w {
				t.Fatalf("%s row %d is %d wide measured wide: %q", where, i, got, line)
			}
		}
		if where == "reader" {
			if d.model().rdr.Entry().RelPath != top {
				t.Fatal("the reader left its article")
			}
			if after := firstText(d.screen()); after != before {
				t.Errorf("the top line moved: %q then %q", before, after)
			}
			d.keys("q")
		}
	}
	d.keys("?", "G")
	if s := d.screen(); !strings.Contains(strings.Join(strings.Fields(s), " "), "ambiguous “ ” … —: wide (asked") {
		t.Errorf("help does not say the width in effect:\n%s", s)
	}
}

// firstText is the first two characters of the first row of text under
// the reader's header.
func firstText(screen string) string {
	for _, row := range strings.Split(screen, "\n")[1:] {
		if r := []rune(strings.TrimSpace(row)); len(r) >= 2 {
			return string(r[:2])
		}
	}
	return ""
}

// Every row of every view is exactly as wide as the terminal, counted the
// way the program was told to count ambiguous characters.
func TestEveryRowFitsInBothWidthModes(t *testing.T) {
	for _, wide := range []bool{false, true} {
		for _, size := range [][2]int{{80, 24}, {40, 12}, {120, 30}, {21, 6}} {
			cfg := testConfig(t)
			cfg.Cond = &runewidth.Condition{EastAsianWidth: wide, StrictEmojiNeutral: true}
			d := newDriver(t, cfg, size[0], size[1])
			check := func(where string) {
				t.Helper()
				for i, line := range strings.Split(d.screen(), "\n") {
					if w := cfg.Cond.StringWidth(line); w != size[0] {
						t.Fatalf("wide=%v %v %s row %d is %d wide: %q", wide, size, where, i, w, line)
					}
				}
			}
			check("library")
			d.keys("?")
			check("help")
			d.keys("esc", "j", "j", "j", "j", "j", "j", "j", "enter")
			check("reader")
			d.keys("/")
			d.typeText("“冰灯")
			check("search prompt")
			d.keys("enter", "r")
			check("source")
			d.keys("q", "F")
			d.typeText("市民")
			d.keys("enter")
			check("results")
		}
	}
}
