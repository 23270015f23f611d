// Package styles holds every colour and text attribute newsbrowse draws with.
// Styles are values built by New or Mono; nothing here is global.
package styles

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is the complete set of styles of the program. The views only
// apply them to text they have already laid out: no style here has a width,
// padding or margin, so lipgloss never re-wraps a line.
//
// A Styles is a handle on a set that New or Mono built and nothing
// changes: copying it copies one pointer. Each view model holds one, and
// Bubble Tea copies the models on every message; a set of lipgloss styles
// by value is 14 kB.
type Styles struct{ *set }

// set is the styles themselves; its fields are read through Styles.
type set struct {
	Header    Style // top bar of the library
	Status    Style // bottom status bar
	StatusKey Style // emphasised part of the status bar (position, mode)
	Error     Style // an error shown in the status bar
	Notice    Style // a transient notice (search wrapped, saved…)
	Prefix    Style // the article number column
	Title     Style // a title in the list
	Dir       Style // the sub-folder column
	Selected  Style // the selected row of a list
	Mark      Style // the marker of a marked article
	Heading   Style // the article title inside the reader
	Image     Style // the [图片] line
	Body      Style // paragraph text
	Dim       Style // secondary text: counts, hints, separators
	Match     Style // a search match
	Current   Style // the current search match
	Prompt    Style // the "/" of a prompt
	Border    Style // the preview pane separator
	Progress  Style // the filled part of a progress bar
	HelpKey   Style // a key in the help screen
	HelpDesc  Style // its description
	HelpTitle Style // a group heading in the help screen
	Mono      bool  // true when colours are off (NO_COLOR)
}

// New returns the colour styles for a dark or a light terminal background.
func New(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	col := func(light, dark string) color.Color {
		return ld(lipgloss.Color(light), lipgloss.Color(dark))
	}
	accent := col("#005f87", "#5fafd7")
	dim := col("#6c6c6c", "#8a8a8a")
	barBg := col("#d0d0d0", "#303030")
	barFg := col("#1c1c1c", "#d0d0d0")
	c := &cache{}
	return Styles{&set{
		Header:    c.add(lipgloss.NewStyle().Foreground(barFg).Background(barBg).Bold(true)),
		Status:    c.add(lipgloss.NewStyle().Foreground(barFg).Background(barBg)),
		StatusKey: c.add(lipgloss.NewStyle().Foreground(accent).Background(barBg).Bold(true)),
		Error:     c.add(lipgloss.NewStyle().Foreground(col("#af0000", "#ff5f5f")).Background(barBg).Bold(true)),
		Notice:    c.add(lipgloss.NewStyle().Foreground(col("#875f00", "#ffd75f")).Background(barBg)),
		Prefix:    c.add(lipgloss.NewStyle().Foreground(accent)),
		Title:     c.add(lipgloss.NewStyle()),
		Dir:       c.add(lipgloss.NewStyle().Foreground(dim)),
		Selected:  c.add(lipgloss.NewStyle().Foreground(col("#000000", "#ffffff")).Background(col("#afd7ff", "#005f87")).Bold(true)),
		Mark:      c.add(lipgloss.NewStyle().Foreground(col("#af5f00", "#ffaf00")).Bold(true)),
		Heading:   c.add(lipgloss.NewStyle().Foreground(accent).Bold(true)),
		Image:     c.add(lipgloss.NewStyle().Foreground(dim).Italic(true)),
		Body:      c.add(lipgloss.NewStyle()),
		Dim:       c.add(lipgloss.NewStyle().Foreground(dim)),
		Match:     c.add(lipgloss.NewStyle().Foreground(col("#000000", "#000000")).Background(col("#ffd75f", "#d7af00"))),
		Current:   c.add(lipgloss.NewStyle().Foreground(col("#ffffff", "#000000")).Background(col("#d75f00", "#ff8700")).Bold(true)),
		Prompt:    c.add(lipgloss.NewStyle().Foreground(accent).Bold(true)),
		Border:    c.add(lipgloss.NewStyle().Foreground(dim)),
		Progress:  c.add(lipgloss.NewStyle().Foreground(accent)),
		HelpKey:   c.add(lipgloss.NewStyle().Foreground(accent).Bold(true)),
		HelpDesc:  c.add(lipgloss.NewStyle().Foreground(dim)),
		HelpTitle: c.add(lipgloss.NewStyle().Bold(true).Underline(true)),
	}}
}

// Mono returns the styles used when colours are off (NO_COLOR): only bold,
// underline and reverse video, so highlights stay visible.
func Mono() Styles {
	plain := lipgloss.NewStyle()
	rev := lipgloss.NewStyle().Reverse(true)
	bold := lipgloss.NewStyle().Bold(true)
	c := &cache{}
	return Styles{&set{
		Header:    c.add(rev.Bold(true)),
		Status:    c.add(rev),
		StatusKey: c.add(rev.Bold(true)),
		Error:     c.add(rev.Bold(true)),
		Notice:    c.add(rev),
		Prefix:    c.add(plain),
		Title:     c.add(plain),
		Dir:       c.add(plain),
		Selected:  c.add(rev),
		Mark:      c.add(bold),
		Heading:   c.add(bold),
		Image:     c.add(plain),
		Body:      c.add(plain),
		Dim:       c.add(plain),
		Match:     c.add(rev),
		Current:   c.add(rev.Bold(true).Underline(true)),
		Prompt:    c.add(bold),
		Border:    c.add(plain),
		Progress:  c.add(bold),
		HelpKey:   c.add(bold),
		HelpDesc:  c.add(plain),
		HelpTitle: c.add(bold.Underline(true)),
		Mono:      true,
	}}
}
