// Command newsbrowse browses folders of crawled news articles in the
// terminal, or prints them cleaned for scripts.
//
//	newsbrowse [flags] [PATH]            browse PATH (a folder, a zip archive or one article)
//	newsbrowse --list [--marked] [--unread|--read] PATH   the index, one TSV row per article
//	newsbrowse --print FILE [--width N]  the cleaned article as text
//	newsbrowse --grep QUERY PATH         the articles that contain QUERY
//	newsbrowse --export [--marked] PATH  the cleaned articles as JSON Lines
//	newsbrowse serve [flags] PATH        the browser over SSH, for a team
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
)

// Exit statuses.
const (
	exitOK        = 0
	exitFailed    = 1   // --print: not an article (binary, too large); --grep, --export: nothing written
	exitUsage     = 2   // bad flags, missing or unreadable PATH; --grep: some files unreadable
	exitInterrupt = 130 // SIGINT
)

func main() {
	os.Exit(runMain(os.Args[1:], os.Stdout, os.Stderr, exitOnInterrupt))
}

// exitOnInterrupt makes an outside SIGINT end --list, --grep and --print
// with status 130, as the shell reports a command it interrupted. The
// interactive program handles its signals itself.
func exitOnInterrupt() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go func() {
		<-c
		os.Exit(exitInterrupt)
	}()
}

// usageError is a mistake in the command line: one line on stderr, exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run is the program without signal handling, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	return runMain(args, stdout, stderr, func() {})
}

// runMain runs the command line args; batch is called once the arguments
// are good and a mode that prints (not the interactive program) starts.
func runMain(args []string, stdout, stderr io.Writer, batch func()) int {
	if len(args) > 0 && args[0] == "serve" {
		match.SetVariantFolding(foldVariants(options{}))
		return runServe(args[1:], stdout, stderr)
	}
	opt, err := parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, helpText)
		return exitOK
	}
	if err == nil {
		err = check(opt)
	}
	if err != nil {
		// a flag's error quotes the argument as typed: make it safe
		fmt.Fprintf(stderr, "newsbrowse: %s (see newsbrowse --help)\n", loader.SanitizeLine(err.Error()))
		return exitUsage
	}
	cond := widthCondition(opt.ambiguous)
	if opt.print || opt.list || opt.grepSet || opt.export {
		batch()
	}
	rf := newRowFormat(stdout, opt.null)
	match.SetVariantFolding(foldVariants(opt)) // before any query is compiled
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	var code int
	switch {
	case opt.print:
		code, err = printArticle(out, opt.args[0], printWidth(opt.width), cond)
	case opt.list:
		code, err = list(out, opt.args[0], opt, rf)
	case opt.grepSet:
		code, err = grepCollection(out, stderr, opt.grep, opt.args[0], cond, rf)
	case opt.export:
		code, err = exportCollection(out, stderr, opt.args[0], opt.marked)
	default:
		path := "."
		if len(opt.args) > 0 {
			path = opt.args[0]
		}
		code, err = browse(path, opt.measure, cond, opt.ambiguous, opt.noMouse)
	}
	if err != nil {
		out.Flush()
		fmt.Fprintf(stderr, "newsbrowse: %s\n", loader.SanitizeLine(err.Error()))
	}
	return code
}
