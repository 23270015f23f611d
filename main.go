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

	"newsbrowse/loader"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1 // --print: not an article (binary, too large); --grep, --export: nothing written
	exitUsage   = 2 // bad flags, missing or unreadable PATH
	usageFormat = "usage: newsbrowse [--measure N] [--ambiguous narrow|wide] [PATH]\n" +
		"       newsbrowse --list [--marked] [--unread|--read] PATH\n" +
		"       newsbrowse --print FILE [--width N]\n" +
		"       newsbrowse --grep QUERY PATH\n" +
		"       newsbrowse --export [--marked] PATH\n" +
		"       newsbrowse serve [flags] PATH   (see newsbrowse serve -h)\n"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is a mistake in the command line: one line on stderr, exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "serve" {
		return runServe(args[1:], stdout, stderr)
	}
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
		code, err = list(out, opt.args[0], opt)
	case opt.grep != "":
		code, err = grepCollection(out, opt.grep, opt.args[0], cond)
	case opt.export:
		code, err = exportCollection(out, stderr, opt.args[0], opt.marked)
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
