package tui

import (
	"io"
	"os/exec"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// v opens $EDITOR, as in less, from the list and from the reader.
func TestVOpensTheEditor(t *testing.T) {
	cfg := testConfig(t)
	programs := recordPrograms(&cfg)
	cfg.Editor = "vim"
	d := newDriver(t, cfg, 80, 24)
	d.keys("j", "j", "j", "v", "enter", "v")
	if len(programs.ran) != 2 {
		t.Fatalf("%d programs run, want 2", len(programs.ran))
	}
	for _, c := range programs.ran {
		if args := strings.Join(c.Args, " "); !strings.Contains(args, "vim") || !strings.HasSuffix(args, "000042_夜市经济带动城市消费.txt") {
			t.Fatalf("editor: %q", c.Args)
		}
	}
}

// e hands the cleaned article to $PAGER on its standard input; o gives
// the file's path to $EDITOR.
func TestPagerAndEditor(t *testing.T) {
	cfg := testConfig(t)
	programs := recordPrograms(&cfg)
	cfg.Pager, cfg.Editor = "less -R", "vim"
	d := newDriver(t, cfg, 80, 24)
	d.keys("j", "j", "j", "e") // from the list: loaded first, then paged
	d.keys("enter", "e", "o")
	if len(programs.ran) != 3 {
		t.Fatalf("%d programs run, want 3", len(programs.ran))
	}
	for i, c := range programs.ran[:2] {
		in := programs.input[i]
		if c.Args[len(c.Args)-1] != "less -R" || !strings.Contains(string(in), "　　入夏以来") || strings.Contains(string(in), "<p>") {
			t.Fatalf("pager: %q with %q", c.Args, in)
		}
	}
	if args := programs.ran[2].Args; !strings.HasSuffix(args[len(args)-1], "000042_夜市经济带动城市消费.txt") || !strings.Contains(strings.Join(args, " "), "vim") {
		t.Fatalf("editor: %q", args)
	}
}

// With NoPrograms, e and o run nothing and say why.
func TestNoProgramsRunsNothing(t *testing.T) {
	cfg := testConfig(t)
	programs := recordPrograms(&cfg)
	cfg.NoPrograms = true
	d := newDriver(t, cfg, 80, 24)
	d.keys("j", "j", "j", "e")
	if s := lastLine(d.screen()); !strings.Contains(s, noProgramsStatus) {
		t.Errorf("e in the list: status %q", s)
	}
	d.keys("o", "enter", "e", "o")
	if s := lastLine(d.screen()); !strings.Contains(s, noProgramsStatus) {
		t.Errorf("o in the reader: status %q", s)
	}
	if len(programs.ran) != 0 {
		t.Fatalf("%d programs run, want none: %v", len(programs.ran), programs.ran[0].Args)
	}
	d.keys("?", "G")
	if s := d.screen(); strings.Count(s, "(off in this session)") != 2 {
		t.Errorf("the help does not say e and o are off:\n%s", s)
	}
}

// programs records what cfg.Exec was asked to run.
type programs struct {
	ran   []*exec.Cmd
	input []string // what each program that reads its standard input got
}

// recordPrograms makes cfg.Exec record each program instead of running it.
func recordPrograms(cfg *Config) *programs {
	p := &programs{}
	cfg.Exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		p.ran = append(p.ran, c)
		if c.Stdin != nil { // the program reads it before it returns
			in, _ := io.ReadAll(c.Stdin)
			p.input = append(p.input, string(in))
		}
		return func() tea.Msg { return fn(nil) }
	}
	return p
}
