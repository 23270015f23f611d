// The interactive program: a folder or one article on the terminal.

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
	"newsbrowse/tui"
	"newsbrowse/tui/screen"
)

// browse runs the interactive program. A folder is scanned by the program
// itself, after its first frame; a single file is opened directly.
func browse(path string, measure int, cond *runewidth.Condition, ambiguous string, noMouse bool) (int, error) {
	ask, how := ambiguousChoice(ambiguous)
	abs, _ := filepath.Abs(path)
	cfg := tui.Config{
		Path: loader.SanitizeLine(path), RootDir: path, FS: loader.DirFS(path), Cond: cond, Ambiguous: how, Measure: measure,
		NoColor: os.Getenv("NO_COLOR") != "", AbsPath: abs, Workers: runtime.NumCPU(),
		Pager: envOr("PAGER", "less"), Editor: envOr("EDITOR", "vi"), NoMouse: noMouse,
	}
	if archive, inside := archiveOf(path); archive != "" {
		// Marks are keyed to the archive; no file on disk for $EDITOR.
		absArchive, _ := filepath.Abs(archive)
		cfg.RootDir, cfg.AbsPath = "", absArchive
		if !inside {
			root, err := loader.OpenArchive(path)
			if err != nil {
				return exitUsage, err
			}
			cfg.FS = root // the program lists it after its first frame
		} else {
			root, single, err := openOne(path)
			if err != nil {
				return exitUsage, err
			}
			cfg.FS, cfg.Single = root, single
		}
	} else if st, err := os.Stat(path); err == nil && !st.IsDir() {
		root, single, err := openOne(path)
		if err != nil {
			return exitUsage, err
		}
		cfg.FS, cfg.Single = root, single
		cfg.RootDir, cfg.AbsPath = filepath.Dir(path), filepath.Dir(abs)
	}
	if dir, err := marks.Dir(); err == nil {
		cfg.StateDir = dir
	} else {
		cfg.StateErr = err.Error()
	}
	var notes []string // said once the terminal is given back
	cfg.Report = func(s string) { notes = append(notes, s) }
	defer func() {
		for _, n := range notes {
			fmt.Fprintf(os.Stderr, "newsbrowse: %s\n", loader.SanitizeLine(n))
		}
	}()
	// newsbrowse draws its own frames (see tui/screen): Bubble Tea's
	// renderer repaints every row holding a wide character on every frame.
	cfg.Exec = screen.Exec
	if err := screen.Run(tui.New(cfg), cond, ask); err != nil {
		if errors.As(err, new(screen.UnusableError)) {
			return exitUsage, err
		}
		var ended screen.ExitError
		if errors.As(err, &ended) {
			return ended.Code, nil // a signal or a closed terminal: say nothing
		}
		return exitFailed, err
	}
	return exitOK, nil
}

// openOne opens the one article path names, on disk or in an archive.
func openOne(path string) (fs.FS, *loader.Entry, error) {
	root, entries, err := loader.ScanPath(path)
	if err != nil || len(entries) != 1 {
		return nil, nil, fmt.Errorf("cannot open %s: %v", path, err)
	}
	return root, &entries[0], nil
}

// archiveOf returns the zip archive path names or is inside, and whether
// path names an article inside it ("" when path has nothing to do with an
// archive).
func archiveOf(path string) (archive string, inside bool) {
	if loader.IsArchive(path) {
		return path, false
	}
	if _, err := os.Stat(path); err == nil {
		return "", false
	}
	archive, _, inside = loader.SplitArchive(path)
	return archive, inside
}

func envOr(name, def string) string {
	if v := strings.TrimSpace(os.Getenv(name)); v != "" {
		return v
	}
	return def
}
