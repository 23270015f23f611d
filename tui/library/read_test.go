package library

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"newsbrowse/styles"
)

// Unread rows carry N, which stays without colour; the header counts them;
// NextUnread goes round the shown rows.
func TestUnreadRows(t *testing.T) {
	m := New(styles.Mono(), narrow, "/news")
	es := entries(5)
	m.SetEntries(es)
	m.SetSize(80, 10)
	if s := ansi.Strip(m.View()); strings.Contains(s, "unread") || strings.Contains(s, " N ") {
		t.Fatalf("read state shown before it is known:\n%s", s)
	}
	read := map[string]bool{es[0].RelPath: true, es[1].RelPath: true, es[3].RelPath: true}
	m.SetRead(func(rel string) bool { return read[rel] }, 2)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if !strings.Contains(lines[0], "5 articles, 2 unread") {
		t.Errorf("header %q", lines[0])
	}
	for i, want := range []bool{false, false, true, false, true} {
		if got := strings.HasPrefix(lines[i+1][2:], "N "); got != want {
			t.Errorf("row %d %q: unread flag %v, want %v", i, lines[i+1], got, want)
		}
	}
	for _, want := range []int{2, 4, 2} {
		sel, _ := m.Selected()
		e, ok := m.NextUnread(sel.RelPath)
		if !ok || e.RelPath != es[want].RelPath {
			t.Fatalf("NextUnread from %q = %q, %v; want row %d", sel.RelPath, e.RelPath, ok, want)
		}
	}
	for _, e := range es {
		read[e.RelPath] = true
	}
	if _, ok := m.NextUnread(es[0].RelPath); ok {
		t.Error("NextUnread found an article when all are read")
	}
}
