package tui

import (
	"io/fs"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
)

// Results of commands. Each carries what it was asked for, so an answer
// that arrives after the user moved on is recognised and dropped.
type (
	scannedMsg struct {
		entries []loader.Entry
		err     error
	}
	articleMsg struct {
		rel     string
		purpose int    // forPreview, forOpen or forPager
		query   string // search to run when opened
		article loader.Article
		err     error
		// rest, for the first part of a huge article, cleans the whole
		rest tea.Cmd
	}
	previewTickMsg struct{ seq int }
	loadingTickMsg struct{} // the article given at start is slow to come
	wholeTickMsg   struct{ load tea.Cmd }
)

// previewDelay lets a held key run through the list without a disk read
// per row: the preview loads once the selection rests.
const previewDelay = 60 * time.Millisecond

// scanCmd lists the collection: with scan when it is set (Config.Scan),
// else by reading fsys.
func scanCmd(fsys fs.FS, scan func() ([]loader.Entry, error)) tea.Cmd {
	return func() tea.Msg {
		if scan != nil {
			entries, err := scan()
			return scannedMsg{entries: entries, err: err}
		}
		entries, err := loader.Scan(fsys)
		return scannedMsg{entries: entries, err: err}
	}
}

// firstPartLen is how much of a huge article is read and cleaned before
// it is shown: the first screens come at once, the whole follows.
const firstPartLen = 64 << 10

// loadCmd loads the article e. An article opened that is huge is shown
// from the beginning of its file first (see loader.FirstPartOf); the
// message then carries the command that loads the whole.
func loadCmd(fsys fs.FS, e loader.Entry, purpose int, query string) tea.Cmd {
	return func() tea.Msg {
		msg := articleMsg{rel: e.RelPath, purpose: purpose, query: query}
		if purpose == forOpen {
			if part, ok := loader.FirstPartOf(fsys, e, firstPartLen); ok {
				msg.article = part
				msg.rest = func() tea.Msg {
					a, err := loader.Load(fsys, e)
					return articleMsg{rel: e.RelPath, purpose: forWhole, query: query, article: a, err: err}
				}
				return msg
			}
		}
		msg.article, msg.err = loader.Load(fsys, e)
		return msg
	}
}

// loadingDelay is how long the screen stays blank while the article given
// at start is read: one that comes sooner is the first frame, without a
// "loading" frame before it (which would hold it back by a frame interval).
const loadingDelay = 100 * time.Millisecond

// wholeDelay is how long after its first part is shown the whole of a
// huge article starts to be read and cleaned: time for the first frame to
// be painted without the cleaning competing for the processor.
const wholeDelay = 30 * time.Millisecond

func previewTick(tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd, seq int) tea.Cmd {
	return tick(previewDelay, func(time.Time) tea.Msg { return previewTickMsg{seq} })
}
