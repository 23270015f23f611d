// Command newsbrowse browses folders of crawled news articles in the
// terminal, or prints them cleaned for scripts.
//
//	newsbrowse [flags] [PATH]            browse PATH (a folder or one article)
//	newsbrowse --list [--marked] PATH    the index, one TSV row per article
//	newsbrowse --print FILE [--width N]  the cleaned article as text
//	newsbrowse --grep QUERY PATH         the articles that contain QUERY
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/loader/grep"
	"newsbrowse/loader/marks"
	"newsbrowse/loader/match"
	"newsbrowse/tui"
	"newsbrowse/tui/screen"
	"newsbrowse/tui/wrap"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1 // --print: not an article (binary, too large); --grep: nothing matched
	exitUsage   = 2 // bad flags, missing or unreadable PATH
	usageFormat = "usage: newsbrowse [--measure N] [--ambiguous narrow|wide] [PATH]\n" +
		"       newsbrowse --list [--marked] PATH\n" +
		"       newsbrowse --print FILE [--width N]\n" +
		"       newsbrowse --grep QUERY PATH\n"
)

type options struct {
	list, print, marked bool
	grep                string
	width, measure      int
	ambiguous           string
	args                []string
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is a mistake in the command line: one line on stderr, exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	opt, err := parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usageFormat)
		return exitOK
	}
	if err == nil {
		err = check(opt)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsbrowse: %v (see newsbrowse -h)\n", err)
		return exitUsage
	}
	cond := widthCondition(opt.ambiguous)
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	var code int
	switch {
	case opt.print:
		code, err = printArticle(out, opt.args[0], printWidth(opt.width), cond)
	case opt.list:
		code, err = list(out, opt.args[0], opt.marked)
	case opt.grep != "":
		code, err = grepCollection(out, opt.grep, opt.args[0], cond)
	default:
		path := "."
		if len(opt.args) > 0 {
			path = opt.args[0]
		}
		code, err = browse(path, opt.measure, cond)
	}
	if err != nil {
		out.Flush()
		fmt.Fprintf(stderr, "newsbrowse: %s\n", loader.SanitizeLine(err.Error()))
	}
	return code
}

// parse reads flags placed before and after the positional arguments.
func parse(args []string) (options, error) {
	var opt options
	fs := flag.NewFlagSet("newsbrowse", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&opt.list, "list", false, "print the index of PATH as TSV")
	fs.BoolVar(&opt.marked, "marked", false, "with --list: only the marked articles")
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
	for _, on := range []bool{opt.list, opt.print, opt.grep != ""} {
		if on {
			modes++
		}
	}
	switch {
	case modes > 1:
		return usageError{"--list, --print and --grep go alone"}
	case opt.ambiguous != "" && opt.ambiguous != "narrow" && opt.ambiguous != "wide":
		return usageError{"--ambiguous takes narrow or wide"}
	case opt.marked && !opt.list:
		return usageError{"--marked goes with --list"}
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
		return usageError{fmt.Sprintf("cannot read %s: %v", loader.SanitizeLine(path), errors.Unwrap(err))}
	}
	if opt.print && st.IsDir() {
		return usageError{loader.SanitizeLine(path) + " is a folder: --print takes one article"}
	}
	return nil
}

// widthCondition is the one width measure of the program. The locale never
// changes it: only the flag or RUNEWIDTH_EASTASIAN=1 make ambiguous
// characters two columns wide.
func widthCondition(flagValue string) *runewidth.Condition {
	wide := os.Getenv("RUNEWIDTH_EASTASIAN") == "1"
	if flagValue != "" {
		wide = flagValue == "wide"
	}
	cond := &runewidth.Condition{EastAsianWidth: wide, StrictEmojiNeutral: true}
	cond.CreateLUT()
	return cond
}

func printWidth(flagWidth int) int {
	if flagWidth != 0 {
		return flagWidth
	}
	if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 0 {
		return w
	}
	return 80
}

func printArticle(out io.Writer, path string, width int, cond *runewidth.Condition) (int, error) {
	root, entries, err := loader.ScanPath(path)
	if err != nil || len(entries) != 1 {
		return exitUsage, fmt.Errorf("cannot read %s: %v", path, err)
	}
	a, err := loader.Load(root, entries[0])
	switch {
	case errors.Is(err, loader.ErrBinary), errors.Is(err, loader.ErrTooLarge):
		return exitFailed, err // a file, but not an article
	case err != nil:
		return exitUsage, err // PATH could not be read
	}
	for _, l := range wrap.Wrap(a.Blocks, width, cond) {
		io.WriteString(out, l.Text)
		io.WriteString(out, "\n")
	}
	return exitOK, nil
}

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

func grepCollection(out io.Writer, query, path string, cond *runewidth.Condition) (int, error) {
	root, entries, err := loader.ScanPath(path)
	if err != nil {
		return exitUsage, err
	}
	code := exitFailed
	m := match.Compile(query, true)
	grep.Search(context.Background(), root, entries, m, cond, runtime.NumCPU(), func(r grep.Result) {
		if r.Err == nil && r.Count > 0 {
			code = exitOK
			fmt.Fprintf(out, "%s\t%d\t%s\n", loader.DisplayPath(r.Entry.RelPath), r.Count, r.Snippet)
		}
	})
	return code, nil
}

// browse runs the interactive program. A folder is scanned by the program
// itself, after its first frame; a single file is opened directly.
func browse(path string, measure int, cond *runewidth.Condition) (int, error) {
	abs, _ := filepath.Abs(path)
	cfg := tui.Config{
		Path: loader.SanitizeLine(path), RootDir: path, FS: loader.DirFS(path), Cond: cond, Measure: measure,
		NoColor: os.Getenv("NO_COLOR") != "", AbsPath: abs, Workers: runtime.NumCPU(),
		Pager: envOr("PAGER", "less"), Editor: envOr("EDITOR", "vi"),
	}
	if st, err := os.Stat(path); err == nil && !st.IsDir() {
		root, entries, err := loader.ScanPath(path)
		if err != nil || len(entries) != 1 {
			return exitUsage, fmt.Errorf("cannot open %s: %v", path, err)
		}
		cfg.FS, cfg.Single = root, &entries[0]
		cfg.RootDir, cfg.AbsPath = filepath.Dir(path), filepath.Dir(abs)
	}
	if dir, err := marks.Dir(); err == nil {
		cfg.StateDir = dir
	}
	// newsbrowse draws its own frames (see tui/screen): Bubble Tea's
	// renderer repaints every row holding a wide character on every frame.
	cfg.Exec = screen.Exec
	if err := screen.Run(tui.New(cfg), cond); err != nil {
		return exitFailed, err
	}
	return exitOK, nil
}

func envOr(name, def string) string {
	if v := strings.TrimSpace(os.Getenv(name)); v != "" {
		return v
	}
	return def
}
