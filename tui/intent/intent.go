// Package intent is the contract between the root model and the views it
// shows on the whole screen (library, reader, results): the Child
// interface the root holds them by, and the Intent a view's Update hands
// up when the owner must act — open an article, leave, toggle a mark.
//
// The hand-off is synchronous: Update returns the intent and the root acts
// on it before it reads the next message, so keys typed ahead land in the
// view that the intent put on screen.
//
// To add an intent:
//
//  1. declare a struct type below carrying what the owner needs (an Entry,
//     a Query, a Dir …), with the marker method `func (T) intent() {}` that
//     seals the set to this package;
//  2. return it from the view's Update, as `return cmd, intent.T{…}`;
//  3. give it one case in the root's intent switch (tui/handlers.go). A
//     view that cannot do something simply never returns that intent.
//
// To add a view, implement Child (a pointer to the view's model) and add
// its state to the root's active().
package intent

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
)

// Intent is what a view asks its owner to do. The set is sealed: only the
// types of this package implement it.
type Intent interface{ intent() }

type (
	// Open shows an article in the reader, at the first match of Query
	// when it is not empty.
	Open struct {
		Entry loader.Entry
		Query string
	}
	// Mark toggles the article's mark.
	Mark struct{ Entry loader.Entry }
	// Pager shows the cleaned article in $PAGER.
	Pager struct{ Entry loader.Entry }
	// Editor opens the article's file in $EDITOR.
	Editor struct{ Entry loader.Entry }
	// Help shows the help screen of the view on screen.
	Help struct{}
	// Back leaves the view for the one it was opened from.
	Back struct{}
	// Step opens the neighbour of the article on screen in the list:
	// Dir is -1 for the previous one, +1 for the next.
	Step struct{ Dir int }
	// SearchAll searches the whole collection for Query.
	SearchAll struct{ Query string }
	// Cancel stops the running search.
	Cancel struct{}
	// ToggleRead marks the article read, or unread again.
	ToggleRead struct{ Entry loader.Entry }
	// NextUnread goes to the next article not read yet, after the one
	// selected or on screen.
	NextUnread struct{}
	// Quit ends the program (once what is being saved is saved).
	Quit struct{}
	// Copy puts Text on the terminal's clipboard; What names it for the
	// status line ("the article", "the title and path").
	Copy struct{ What, Text string }
)

func (Copy) intent() {}

func (Open) intent()       {}
func (Mark) intent()       {}
func (Pager) intent()      {}
func (Editor) intent()     {}
func (Help) intent()       {}
func (Back) intent()       {}
func (Step) intent()       {}
func (SearchAll) intent()  {}
func (Cancel) intent()     {}
func (ToggleRead) intent() {}
func (NextUnread) intent() {}
func (Quit) intent()       {}

// Child is a view the root shows on the whole screen. The root holds a
// pointer to the model on screen and gives it every message that is not
// the root's own.
type Child interface {
	// Update handles a message. The intent, or nil, is for the owner to
	// act on at once.
	Update(msg tea.Msg) (tea.Cmd, Intent)
	// View is the whole screen, each row exactly as wide as SetSize said.
	View() string
	// SetSize sets the area of the view; a view whose layout takes time
	// returns the command that does it.
	SetSize(width, height int) tea.Cmd
	// HelpTitle names the view on its help screen.
	HelpTitle() string
	// KeyMap lists the view's bindings for the help screen.
	help.KeyMap
}
