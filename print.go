// --print: one article cleaned and wrapped as plain text, and the width
// measure every mode shares.

package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/wrap"
)

// widthCondition is the one width measure of the program. The locale never
// changes it: only the flag or RUNEWIDTH_EASTASIAN=1 make ambiguous
// characters two columns wide (with auto the browser may find the terminal
// does, see ambiguousChoice).
func widthCondition(flagValue string) *runewidth.Condition {
	wide := os.Getenv("RUNEWIDTH_EASTASIAN") == "1"
	if flagValue == "narrow" || flagValue == "wide" {
		wide = flagValue == "wide"
	}
	// no CreateLUT: with StrictEmojiNeutral, runewidth answers from its
	// own shared table, as fast; building one per condition measures
	// every rune and cost every start about 8 ms
	return &runewidth.Condition{EastAsianWidth: wide, StrictEmojiNeutral: true}
}

// ambiguousChoice is whether the browser asks the terminal how wide it
// draws ambiguous characters (--ambiguous auto, RUNEWIDTH_EASTASIAN unset),
// and the width in effect and why, for the help.
func ambiguousChoice(flagValue string) (ask bool, how string) {
	switch env := os.Getenv("RUNEWIDTH_EASTASIAN"); {
	case flagValue == "narrow" || flagValue == "wide":
		return false, flagValue + " (flag)"
	case env == "1":
		return false, "wide (RUNEWIDTH_EASTASIAN=1)"
	case env == "0":
		return false, "narrow (RUNEWIDTH_EASTASIAN=0)"
	}
	return true, "narrow (asking the terminal)"
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
	// one line at a time: the lines of a huge article are never all held
	wrap.Each(a.Blocks, width, cond, func(l wrap.Line) {
		io.WriteString(out, l.Text)
		io.WriteString(out, "\n")
	})
	return exitOK, nil
}
