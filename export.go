// --export: the cleaned collection as JSON Lines, for text pipelines.

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	"newsbrowse/loader"
	"newsbrowse/loader/export"
)

// exportCollection writes one JSON line per article of path to out, in list
// order, and one line on stderr per file it skips (binary or unreadable).
// Like --grep it exits 1 when it wrote nothing.
func exportCollection(out, stderr io.Writer, path string, markedOnly bool) (int, error) {
	root, entries, err := loader.ScanPath(path)
	if err != nil {
		return exitUsage, err
	}
	if markedOnly {
		set, code, err := markedSet(path)
		if err != nil {
			return code, err
		}
		entries = keepMarked(entries, set)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	code := exitFailed
	var werr error
	export.Run(ctx, root, entries, runtime.NumCPU(), func(l export.Line) {
		switch {
		case errors.Is(l.Err, loader.ErrBinary):
			fmt.Fprintf(stderr, "newsbrowse: skipped %s: %v\n", loader.DisplayPath(l.Entry.RelPath), l.Err)
		case l.Err != nil:
			fmt.Fprintf(stderr, "newsbrowse: skipped: %s\n", loader.SanitizeLine(l.Err.Error()))
		default:
			if _, werr = out.Write(l.JSON); werr != nil {
				cancel() // the reader of the output went away
				return
			}
			code = exitOK
		}
	})
	if werr != nil {
		return exitFailed, werr
	}
	return code, nil
}
