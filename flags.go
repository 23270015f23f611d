// The command line: flags, positional arguments and the checks made before
// anything is read or the terminal is touched.

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"newsbrowse/loader"
)

type options struct {
	list, print, export, marked bool
	unread, read                bool // with --list: only the unread, or read, articles
	grep                        string
	width, measure              int
	ambiguous                   string
	args                        []string
}

// parse reads flags placed before and after the positional arguments.
func parse(args []string) (options, error) {
	var opt options
	fs := flag.NewFlagSet("newsbrowse", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&opt.list, "list", false, "print the index of PATH as TSV")
	fs.BoolVar(&opt.marked, "marked", false, "with --list or --export: only the marked articles")
	fs.BoolVar(&opt.unread, "unread", false, "with --list: only the articles not read yet")
	fs.BoolVar(&opt.read, "read", false, "with --list: only the articles read")
	fs.BoolVar(&opt.export, "export", false, "print the cleaned articles of PATH as JSON Lines")
	fs.BoolVar(&opt.print, "print", false, "print the cleaned article FILE")
	fs.StringVar(&opt.grep, "grep", "", "print the articles of PATH that contain `QUERY`")
	fs.IntVar(&opt.width, "width", 0, "with --print: wrap to `N` columns")
	fs.IntVar(&opt.measure, "measure", 80, "longest text line in the reader, in columns")
	fs.StringVar(&opt.ambiguous, "ambiguous", "", "width of “ ” … — ·: narrow or wide")
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			return opt, err
		}
		if fs.NArg() == 0 {
			break
		}
		opt.args = append(opt.args, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	return opt, nil
}

func check(opt options) error {
	modes := 0
	for _, on := range []bool{opt.list, opt.print, opt.grep != "", opt.export} {
		if on {
			modes++
		}
	}
	switch {
	case modes > 1:
		return usageError{"--list, --print, --grep and --export go alone"}
	case opt.ambiguous != "" && opt.ambiguous != "narrow" && opt.ambiguous != "wide":
		return usageError{"--ambiguous takes narrow or wide"}
	case opt.marked && !opt.list && !opt.export:
		return usageError{"--marked goes with --list or --export"}
	case (opt.unread || opt.read) && !opt.list:
		return usageError{"--unread and --read go with --list"}
	case opt.unread && opt.read:
		return usageError{"--unread or --read, not both"}
	case len(opt.args) > 1:
		return usageError{"one PATH only"}
	case modes == 1 && len(opt.args) == 0:
		return usageError{"missing PATH"}
	}
	path := "."
	if len(opt.args) == 1 {
		path = opt.args[0]
	}
	st, err := os.Stat(path)
	if err != nil {
		if _, _, inArchive := loader.SplitArchive(path); inArchive {
			return nil // ARCHIVE.zip/REL: the archive is read later
		}
		return usageError{fmt.Sprintf("cannot read %s: %v", loader.SanitizeLine(path), errors.Unwrap(err))}
	}
	if opt.print && st.IsDir() {
		return usageError{loader.SanitizeLine(path) + " is a folder: --print takes one article"}
	}
	if opt.print && loader.IsArchive(path) {
		return usageError{loader.SanitizeLine(path) + " is an archive: --print takes one article (ARCHIVE/PATH)"}
	}
	return nil
}
