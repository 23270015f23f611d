// --list: the index of a collection, one row per article.

package main

import (
	"bufio"
	"io"
	"path/filepath"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
	"newsbrowse/loader/readstate"
)

// list prints the index of the collection at path, only the articles
// marked, unread or read when opt says so. The state files are only read:
// one that cannot be read is an error, never set aside from here.
func list(out io.Writer, path string, opt options, rf rowFormat) (int, error) {
	_, entries, err := loader.ScanPath(path)
	if err != nil {
		return exitUsage, err
	}
	var set map[string]bool
	if opt.marked {
		var code int
		if set, code, err = markedSet(path); err != nil {
			return code, err
		}
	}
	var st *readstate.State
	if opt.unread || opt.read {
		var code int
		if st, code, err = readState(path); err != nil {
			return code, err
		}
	}
	// A large buffer: a collection of 100,000 articles prints about 10 MB.
	w := bufio.NewWriterSize(out, 64<<10)
	for _, e := range entries {
		if opt.marked && !set[e.RelPath] || st != nil && st.IsRead(e.RelPath) != opt.read {
			continue
		}
		w.WriteString(e.Prefix)
		w.WriteByte('\t')
		w.WriteString(e.Title)
		w.WriteByte('\t')
		w.WriteString(rf.path(e.RelPath))
		w.WriteByte(rf.end())
	}
	w.Flush()
	return exitOK, nil
}

// markedSet returns the relative paths marked in the collection at path,
// or the exit status and error of a failure.
func markedSet(path string) (map[string]bool, int, error) {
	dir, err := marks.Dir()
	if err != nil {
		return nil, exitUsage, err
	}
	abs, _ := filepath.Abs(path)
	set, err := marks.LoadSet(dir, abs)
	if err != nil {
		return nil, exitFailed, err
	}
	return set, exitOK, nil
}

// readState returns which articles of the collection at path were read, or
// the exit status and error of a failure.
func readState(path string) (*readstate.State, int, error) {
	dir, err := marks.Dir()
	if err != nil {
		return nil, exitUsage, err
	}
	abs, _ := filepath.Abs(path)
	s, err := readstate.Open(dir, abs)
	if err != nil {
		return nil, exitFailed, err
	}
	st, err := s.Load()
	if err != nil {
		return nil, exitFailed, err
	}
	return st, exitOK, nil
}

// keepMarked returns the entries whose relative path is in set, in order.
func keepMarked(entries []loader.Entry, set map[string]bool) []loader.Entry {
	kept := entries[:0:0]
	for _, e := range entries {
		if set[e.RelPath] {
			kept = append(kept, e)
		}
	}
	return kept
}
