package tui

import (
	"os/exec"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// v opens $EDITOR, as in less, from the list and from the reader.
func TestVOpensTheEditor(t *testing.T) {
	cfg := testConfig(t)
	var ran []*exec.Cmd
	cfg.Exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		ran = append(ran, c)
		return func() tea.Msg { return fn(nil) }
	}
	cfg.Editor = "vim"
	d := newDriver(t, cfg, 80, 24)
	d.keys("j", "j", "j", "v", "enter", "v")
	if len(ran) != 2 {
		t.Fatalf("%d programs run, want 2", len(ran))
	}
	for _, c := range ran {
		if args := strings.Join(c.Args, " "); !strings.Contains(args, "vim") || !strings.HasSuffix(args, "000042_夜市经济带动城市消费.txt") {
			t.Fatalf("editor: %q", c.Args)
		}
	}
}
