// Package tui is the interactive program: the root model routes messages
// between the library, the reader and the collection search results, runs
// every file operation as a command, and builds the one tea.View.
package tui

import (
	"io/fs"
	"os/exec"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
)

// Config is everything the program needs to know at start.
type Config struct {
	Path    string               // the PATH argument, for display
	RootDir string               // the collection folder on disk, for $EDITOR ("" inside an archive)
	FS      fs.FS                // the collection, opened read-only
	Single  *loader.Entry        // PATH named one file: open it, and q quits
	Cond    *runewidth.Condition // the one width measure of the program
	// Ambiguous says, for the help, how wide “ ” … count and why:
	// "narrow (flag)", "wide (RUNEWIDTH_EASTASIAN)", "narrow (asking the
	// terminal…)". A screen.WidthMsg changes it, and Cond with it.
	Ambiguous string
	Measure   int    // the longest text line in the reader
	NoColor   bool   // NO_COLOR is set: monochrome styles
	NoMouse   bool   // --no-mouse: the mouse is left to the terminal
	StateDir  string // where marks and read state are kept ("" keeps them in memory)
	StateErr  string // why StateDir is "", said when a mark is made
	AbsPath   string // the collection's absolute path, the key of its marks
	Pager     string // $PAGER, default less
	Editor    string // $EDITOR, default vi
	Workers   int    // goroutines of the collection search

	// Report, when set, receives what must be said after the screen is
	// given back (marks that could not be saved before quitting).
	Report func(string)

	// Scan, when set, lists the collection instead of loader.Scan(FS): a
	// server shares one listing between its sessions. The entries it
	// returns are only read.
	Scan func() ([]loader.Entry, error)

	// NoPrograms turns e and o off: $PAGER and $EDITOR are never run, as
	// in a session served over SSH, where they would run on the server.
	NoPrograms bool

	// Exec runs $PAGER or $EDITOR with the terminal handed over to it;
	// nil means tea.ExecProcess.
	Exec func(*exec.Cmd, tea.ExecCallback) tea.Cmd
	// Tick is the program's clock for delays (the preview waits for the
	// selection to rest); nil means tea.Tick. Tests give one that fires at
	// once.
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}
