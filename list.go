// --list: the index of a collection, one row per article.

package main

import (
	"bufio"
	"io"
	"path/filepath"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
)

func list(out io.Writer, path string, markedOnly bool) (int, error) {
	_, entries, err := loader.ScanPath(path)
	if err != nil {
		return exitUsage, err
	}
	var set map[string]bool
	if markedOnly {
		dir, err := marks.Dir()
		if err != nil {
			return exitUsage, err
		}
		abs, _ := filepath.Abs(path)
		if set, err = marks.LoadSet(dir, abs); err != nil {
			return exitFailed, err
		}
	}
	// A large buffer: a collection of 100,000 articles prints about 10 MB.
	w := bufio.NewWriterSize(out, 64<<10)
	for _, e := range entries {
		if markedOnly && !set[e.RelPath] {
			continue
		}
		w.WriteString(e.Prefix)
		w.WriteByte('\t')
		w.WriteString(e.Title)
		w.WriteByte('\t')
		w.WriteString(loader.DisplayPath(e.RelPath))
		w.WriteByte('\n')
	}
	w.Flush()
	return exitOK, nil
}
