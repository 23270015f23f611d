// The command line: flags, positional arguments and the checks made before
// anything is read or the terminal is touched.

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"newsbrowse/loader"
)

type options struct {
	list, print, export, marked bool
	unread, read                bool   // with --list: only the unread, or read, articles
	null                        bool   // -0: rows end in NUL
	grep                        string // the query of --grep
	grepSet                     bool   // --grep was given, even empty
	width, measure              int
	widthSet                    bool // --width was given
	ambiguous                   string
	noFoldVariants              bool // searches tell traditional from simplified characters
	noMouse                     bool // leave the mouse to the terminal
	args                        []string
}

// maxColumns bounds --width and --measure: no terminal is wider.
const maxColumns = 4096

// newFlagSet declares every flag; help.go describes each of them.
func newFlagSet(opt *options) *flag.FlagSet {
	fs := flag.NewFlagSet("newsbrowse", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&opt.list, "list", false, "print the index of PATH as TSV")
	fs.BoolVar(&opt.marked, "marked", false, "with --list or --export: only the marked articles")
	fs.BoolVar(&opt.unread, "unread", false, "with --list: only the articles not read yet")
	fs.BoolVar(&opt.read, "read", false, "with --list: only the articles read")
	fs.BoolVar(&opt.export, "export", false, "print the cleaned articles of PATH as JSON Lines")
	fs.BoolVar(&opt.null, "null", false, "with --list, --grep: end each row with NUL")
	fs.BoolVar(&opt.null, "0", false, "short for --null")
	fs.BoolVar(&opt.print, "print", false, "print the cleaned article FILE")
	fs.StringVar(&opt.grep, "grep", "", "print the articles of PATH that contain `QUERY`")
	fs.IntVar(&opt.width, "width", 0, "with --print: wrap to `N` columns")
	fs.IntVar(&opt.measure, "measure", 80, "longest text line in the reader, in columns")
	fs.StringVar(&opt.ambiguous, "ambiguous", "auto", "width of “ ” … — ·: auto, narrow or wide")
	fs.BoolVar(&opt.noFoldVariants, "no-fold-variants", false, "searches tell traditional from simplified characters")
	fs.BoolVar(&opt.noMouse, "no-mouse", false, "leave the mouse to the terminal")
	return fs
}

// parse reads flags placed before and after the positional arguments;
// everything after "--" is positional.
func parse(args []string) (options, error) {
	var opt options
	fs := newFlagSet(&opt)
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			return opt, err
		}
		if fs.NArg() == 0 {
			break
		}
		consumed := len(rest) - fs.NArg()
		if consumed > 0 && rest[consumed-1] == "--" {
			opt.args = append(opt.args, fs.Args()...)
			break
		}
		opt.args = append(opt.args, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "grep":
			opt.grepSet = true
		case "width":
			opt.widthSet = true
		}
	})
	return opt, nil
}

func check(opt options) error {
	modes := 0
	for _, on := range []bool{opt.list, opt.print, opt.grepSet, opt.export} {
		if on {
			modes++
		}
	}
	switch {
	case modes > 1:
		return usageError{"--list, --print, --grep and --export go alone"}
	case opt.grepSet && !searchable(opt.grep):
		return usageError{"--grep needs a query of one line with something to find"}
	case opt.widthSet && (opt.width < 1 || opt.width > maxColumns):
		return usageError{fmt.Sprintf("--width takes 1 to %d columns", maxColumns)}
	case opt.measure < 1 || opt.measure > maxColumns:
		return usageError{fmt.Sprintf("--measure takes 1 to %d columns", maxColumns)}
	case opt.ambiguous != "auto" && opt.ambiguous != "narrow" && opt.ambiguous != "wide":
		return usageError{"--ambiguous takes auto, narrow or wide"}
	case opt.marked && !opt.list && !opt.export:
		return usageError{"--marked goes with --list or --export"}
	case (opt.unread || opt.read) && !opt.list:
		return usageError{"--unread and --read go with --list"}
	case opt.unread && opt.read:
		return usageError{"--unread or --read, not both"}
	case opt.null && !opt.list && !opt.grepSet:
		return usageError{"-0/--null goes with --list or --grep"}
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

// searchable reports whether a --grep query can match anything: article
// text is searched line by line, so a query holding a line break or another
// control character never matches, and neither does one of spaces alone.
func searchable(q string) bool {
	if strings.TrimSpace(q) == "" {
		return false
	}
	for _, r := range q {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// foldVariants reports whether searches fold traditional and variant
// characters to simplified ones: unless --no-fold-variants is given or
// NEWSBROWSE_NO_FOLD_VARIANTS is set to anything but "" or "0".
func foldVariants(opt options) bool {
	env := os.Getenv("NEWSBROWSE_NO_FOLD_VARIANTS")
	return !opt.noFoldVariants && (env == "" || env == "0")
}
