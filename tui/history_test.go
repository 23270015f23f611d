package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsbrowse/loader/history"
)

// F opens on the last query, selected: typing replaces it; ↑ and ↓
// recall earlier queries, kept in the state directory for the next run.
func TestSearchAllRecallsQueries(t *testing.T) {
	cfg := testConfig(t)
	d := newDriver(t, cfg, 80, 24)
	d.keys("F")
	d.typeText("冰灯")
	d.keys("enter", "q", "F")
	if s := lastLine(d.screen()); !strings.Contains(s, "冰灯") {
		t.Fatalf("F reopened on %q", s)
	}
	d.typeText("夜市")
	if s := lastLine(d.screen()); !strings.Contains(s, "夜市") || strings.Contains(s, "冰灯") {
		t.Fatalf("typing did not replace the last query: %q", s)
	}
	d.keys("enter", "q")
	data, err := os.ReadFile(filepath.Join(cfg.StateDir, history.FileName))
	if err != nil || string(data) != "冰灯\n夜市\n" {
		t.Fatalf("stored %q %v", data, err)
	}

	// a new run recalls them
	d = newDriver(t, cfg, 80, 24)
	d.keys("F")
	if s := lastLine(d.screen()); !strings.Contains(s, "夜市") {
		t.Fatalf("new run: F opened on %q", s)
	}
	d.keys("up")
	if s := lastLine(d.screen()); !strings.Contains(s, "冰灯") {
		t.Fatalf("up: %q", s)
	}
	d.keys("down")
	if s := lastLine(d.screen()); !strings.Contains(s, "夜市") {
		t.Fatalf("down: %q", s)
	}
}
