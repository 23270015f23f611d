package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsbrowse/loader"
)

// An article given at start is the first frame: the screen stays blank
// until it comes (a "loading" frame before it would hold it back by a
// frame interval), unless it is slow to come.
func TestArticleGivenAtStartIsTheFirstFrame(t *testing.T) {
	cfg := testConfig(t)
	e := loader.Entry{Prefix: "000042", Title: "夜市经济带动城市消费", RelPath: "000042_夜市经济带动城市消费.txt"}
	cfg.Single = &e
	update := func(m Model, msg tea.Msg) Model {
		next, _ := m.Update(msg)
		return next.(Model)
	}
	m := update(New(cfg), tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := m.screen(); s != "" {
		t.Fatalf("shown before the article came:\n%s", ansi.Strip(s))
	}
	m = update(m, loadCmd(cfg.FS, e, forOpen, "")())
	if s := ansi.Strip(m.screen()); !strings.Contains(s, "夜市经济带动城市消费") {
		t.Fatalf("the article is not shown:\n%s", s)
	}

	slow := update(update(New(cfg), tea.WindowSizeMsg{Width: 80, Height: 24}), loadingTickMsg{})
	if s := ansi.Strip(slow.screen()); !strings.Contains(s, "loading") {
		t.Fatalf("an article slow to come is not said to be loading:\n%s", s)
	}
}
