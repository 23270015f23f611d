package library

import (
	"fmt"
	"testing"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/styles"
)

// inFolders is n articles, some in folders, so that rows have a folder
// column.
func inFolders(n int, title string) []loader.Entry {
	es := entries(n)
	for i := range es {
		es[i].Title = fmt.Sprintf("%s%d", title, i)
		es[i].RelPath = fmt.Sprintf("区%d/%s%s.txt", i%3, es[i].Prefix, es[i].Title)
	}
	return es
}

// A list whose rows were drawn before a change draws, after it, exactly
// what a list given the same state afresh draws: the titles kept from
// earlier frames never outlive the entries, styles, widths or measure
// they were drawn with.
func TestKeptRowsFollowEveryChange(t *testing.T) {
	wide := &runewidth.Condition{EastAsianWidth: true}
	type state struct {
		st      styles.Styles
		cond    *runewidth.Condition
		es      []loader.Entry
		w, h    int
		cursorJ int
	}
	base := state{styles.New(true), narrow, inFolders(40, "“城市”图书馆推出夜间借阅服务，市民①②③"), 80, 24, 3}
	apply := func(m *Model, s state) {
		m.SetStyles(s.st)
		m.SetCond(s.cond)
		m.SetEntries(s.es)
		m.SetSize(s.w, s.h)
	}
	tests := []struct {
		name   string
		change func(s *state)
	}{
		{"other entries", func(s *state) { s.es = entries(40)[20:] }},
		{"same count, other titles", func(s *state) { s.es = inFolders(40, "另一个标题") }},
		{"no folders", func(s *state) { s.es = entries(40) }},
		{"other styles", func(s *state) { s.st = styles.Mono() }},
		{"light styles", func(s *state) { s.st = styles.New(false) }},
		{"narrower", func(s *state) { s.w = 41 }},
		{"wider", func(s *state) { s.w = 200 }},
		{"ambiguous wide", func(s *state) { s.cond = wide }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(base.st, base.cond, "/c")
			apply(&m, base)
			for range base.cursorJ {
				m.Update(keyMsg("j"))
			}
			_ = m.View() // rows drawn and kept
			s := base
			tt.change(&s)
			// the change, made the way the program makes it
			if s.st != base.st {
				m.SetStyles(s.st)
			}
			if s.cond != base.cond {
				m.SetCond(s.cond)
			}
			if &s.es[0] != &base.es[0] {
				m.SetEntries(s.es)
			}
			m.SetSize(s.w, s.h)
			fresh := New(s.st, s.cond, "/c")
			apply(&fresh, s)
			fresh.cursor, fresh.offset = m.cursor, m.offset
			if got, want := m.View(), fresh.View(); got != want {
				t.Errorf("after the change the list draws\n%q\nwant\n%q", got, want)
			}
		})
	}
}

// The cache draws a row once for a set of widths and measure, and again
// when one of them changes.
func TestTailCacheDrawsOnce(t *testing.T) {
	c := newTailCache()
	draws := 0
	draw := func() string { draws++; return fmt.Sprint("row", draws) }
	steps := []struct {
		i, titleW, dirW int
		cond            *runewidth.Condition
		want            string
		draws           int
	}{
		{0, 30, 0, narrow, "row1", 1},
		{0, 30, 0, narrow, "row1", 1},
		{1, 30, 0, narrow, "row2", 2},
		{0, 31, 0, narrow, "row3", 3},
		{0, 31, 5, narrow, "row4", 4},
		{0, 31, 5, &runewidth.Condition{}, "row5", 5},
		{0, 31, 5, nil, "row6", 6},
		{0, 31, 5, nil, "row6", 6},
	}
	for n, s := range steps {
		if got := c.get(s.i, s.titleW, s.dirW, s.cond, draw); got != s.want || draws != s.draws {
			t.Errorf("step %d: got %q after %d draws, want %q after %d", n, got, draws, s.want, s.draws)
		}
	}
	for i := range maxTails + 1 { // bounded
		c.get(i, 1, 1, nil, draw)
	}
	if len(c.rows) > maxTails {
		t.Errorf("cache holds %d rows, more than %d", len(c.rows), maxTails)
	}
}
