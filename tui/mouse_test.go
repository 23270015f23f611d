package tui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

var (
	wheelDown = tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 10, Y: 5}
	wheelUp   = tea.MouseWheelMsg{Button: tea.MouseWheelUp, X: 10, Y: 5}
)

func click(x, y int) tea.MouseClickMsg { return tea.MouseClickMsg{Button: tea.MouseLeft, X: x, Y: y} }

// readerTop is the first line on screen, as the reader's status counts.
var readerTop = regexp.MustCompile(`(\d+)/\d+ +\d+%`)

func TestWheelScrollsTheReader(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	openLong(d)
	if m := readerTop.FindStringSubmatch(lastLine(d.screen())); m == nil || m[1] != "1" {
		t.Fatalf("reader opened at %q", lastLine(d.screen()))
	}
	d.send(wheelDown)
	if m := readerTop.FindStringSubmatch(lastLine(d.screen())); m == nil || m[1] != "4" {
		t.Fatalf("wheel down: %q", lastLine(d.screen()))
	}
	d.send(wheelUp)
	if m := readerTop.FindStringSubmatch(lastLine(d.screen())); m == nil || m[1] != "1" {
		t.Fatalf("wheel up: %q", lastLine(d.screen()))
	}
}

func TestMouseInTheLibrary(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.send(wheelDown)
	if got := lastLine(d.screen()); !strings.Contains(got, "4/") {
		t.Fatalf("wheel did not move the selection 3 rows: %q", got)
	}
	// a click on row 2 of the list (screen row 2) selects it, a second opens it
	d.send(click(5, 2))
	if got := lastLine(d.screen()); !strings.Contains(got, " 2/") {
		t.Fatalf("click did not select row 2: %q", got)
	}
	sel, _ := d.model().lib.Selected()
	d.send(click(5, 2))
	if d.model().state != stateReader || d.model().rdr.Entry().RelPath != sel.RelPath {
		t.Fatalf("a click on the selection did not open it")
	}
}

func TestMouseInResultsAndHelp(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("F")
	d.typeText("市民")
	d.keys("enter")
	d.send(click(5, 3)) // the second hit
	d.send(click(5, 3))
	if s := lastLine(d.screen()); d.model().state != stateReader || !strings.Contains(s, "306 长春冰灯") {
		t.Fatalf("clicks on a hit did not open it: %q", s)
	}
	d.keys("?")
	top := firstLine(d.screen())

	d.send(wheelDown)
	if firstLine(d.screen()) == top {
		t.Fatal("wheel did not scroll the help")
	}
}

func TestNoMouseLeavesTheMouseAlone(t *testing.T) {
	cfg := testConfig(t)
	cfg.NoMouse = true
	d := newDriver(t, cfg, 80, 24)
	if d.model().WantsMouse() {
		t.Fatal("--no-mouse still asks for the mouse")
	}
	before := d.screen()
	d.send(wheelDown)
	d.send(click(5, 3))
	if d.screen() != before {
		t.Fatal("mouse events acted with --no-mouse")
	}
}

func TestHelpSaysShiftDragSelects(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 80)
	d.keys("?")
	if s := d.screen(); !strings.Contains(s, "Shift+drag selects text in most terminals") {
		t.Fatalf("help:\n%s", s)
	}
}
