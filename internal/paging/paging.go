// Package paging turns a vendor's "fetch one page" call into an
// iter.Seq2 over every item of a list.
//
// The sequences are lazy (no request before the first step of a range),
// hold one page in memory at a time, can be ranged again (each range
// starts over from the first page), stop fetching as soon as the loop
// breaks, and stop at the first error, which they yield once with the
// zero item. They never loop forever on a server that repeats a page or
// a cursor: that ends the range with an error matching ErrLoop.
//
// With Prefetch, a sequence fetches the next page while the loop works
// through the current one: at most one page ahead, so two pages in memory
// at most, and the fetch in flight is cancelled (and its goroutine
// joined) when the loop breaks or the range ends.
package paging

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"iter"
)

// ErrLoop matches the error that ends a range because the server
// repeated a page or a cursor, or sent too many empty pages in a row.
var ErrLoop = errors.New("paging: the server is repeating itself")

// MaxEmptyPages is how many empty pages in a row a cursor sequence
// follows before it gives up. An empty page with a new cursor is not the
// end of a list (some vendors filter after paging), but an endless run of
// them is a loop.
const MaxEmptyPages = 100

// Option changes how a sequence fetches its pages.
type Option func(*options)

type options struct {
	prefetch bool
}

// Prefetch, when on, fetches the next page while the loop consumes the
// current one, so that a loop that spends time on each item waits less
// for the server. It never runs more than one page ahead. A loop that
// breaks leaves the page fetched ahead unread: a call wasted, which
// counts against a rate limit. Errors come in order, after the items of
// the pages before them.
func Prefetch(on bool) Option { return func(o *options) { o.prefetch = on } }

// OffsetFetch fetches the page that starts at offset. count is the size
// of the whole list as the server reports it.
type OffsetFetch[T any] func(ctx context.Context, offset int) (items []T, count int, err error)

// Offset pages through an offset/limit list from offset start. The next
// offset is the previous one plus the number of items the server
// returned, so a server that caps the page size below the limit asked
// for loses nothing. The range ends at an empty page or when the offset
// reaches count.
//
// key, if not nil, identifies an item; a page that starts with the same
// item as the page before it means the server ignored the offset, and
// ends the range with ErrLoop instead of yielding the same items again.
func Offset[T any](ctx context.Context, start int, fetch OffsetFetch[T], key func(T) string, opts ...Option) iter.Seq2[T, error] {
	return items(ctx, opts, func() walker[T] {
		offset := start
		prevFirst, havePrev := "", false
		return func(ctx context.Context) page[T] {
			items, count, err := fetch(ctx, offset)
			if err != nil {
				return page[T]{err: err}
			}
			if len(items) == 0 {
				return page[T]{}
			}
			if key != nil {
				first := key(items[0])
				if havePrev && first == prevFirst {
					return page[T]{err: fmt.Errorf("%w: the page at offset %d starts with the same item (%s) as the page before it", ErrLoop, offset, first)}
				}
				prevFirst, havePrev = first, true
			}
			offset += len(items)
			return page[T]{items: items, more: offset < count}
		}
	})
}

// CursorFetch fetches the page at cursor ("" for the first page) and
// returns its items and the cursor of the next page ("" at the end).
type CursorFetch[T any] func(ctx context.Context, cursor string) (items []T, next string, err error)

// Cursor pages through a cursor-paged list from cursor start ("" for the
// beginning). The range ends when the server returns no next cursor; an
// empty page that carries one is followed. A cursor the server already
// sent in this range ends it with ErrLoop.
func Cursor[T any](ctx context.Context, start string, fetch CursorFetch[T], opts ...Option) iter.Seq2[T, error] {
	return items(ctx, opts, func() walker[T] {
		// Fingerprints rather than the cursors themselves keep the memory
		// of a long range small.
		seed := maphash.MakeSeed()
		seen := map[uint64]struct{}{}
		cursor, empties := start, 0
		return func(ctx context.Context) page[T] {
			items, next, err := fetch(ctx, cursor)
			if err != nil {
				return page[T]{err: err}
			}
			if next == "" {
				return page[T]{items: items}
			}
			if len(items) == 0 {
				if empties++; empties >= MaxEmptyPages {
					return page[T]{err: fmt.Errorf("%w: %d empty pages in a row", ErrLoop, empties)}
				}
			} else {
				empties = 0
			}
			seen[maphash.String(seed, cursor)] = struct{}{}
			if _, again := seen[maphash.String(seed, next)]; again {
				// The page is yielded; the range ends after it.
				return page[T]{items: items, err: fmt.Errorf("%w: next cursor %q was already followed", ErrLoop, next)}
			}
			cursor = next
			return page[T]{items: items, more: true}
		}
	})
}

// page is one step of a range: a page's items, whether another page may
// follow, and the error that ends the range after the items.
type page[T any] struct {
	items []T
	more  bool
	err   error
}

// walker fetches the pages of one range, in order.
type walker[T any] func(ctx context.Context) page[T]

// items is the sequence of the items of the pages a walker fetches; each
// range starts over with a new walker.
func items[T any](ctx context.Context, opts []Option, newWalker func() walker[T]) iter.Seq2[T, error] {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return func(yield func(T, error) bool) {
		var zero T
		pages := inTurn[T]
		if o.prefetch {
			pages = ahead[T]
		}
		for p := range pages(ctx, newWalker()) {
			for _, item := range p.items {
				if !yield(item, nil) {
					return
				}
			}
			if p.err != nil {
				yield(zero, p.err)
				return
			}
		}
	}
}

// inTurn fetches each page when the one before it is done with, until
// the last page or an error.
func inTurn[T any](ctx context.Context, next walker[T]) iter.Seq[page[T]] {
	return func(yield func(page[T]) bool) {
		for {
			if err := ctx.Err(); err != nil {
				yield(page[T]{err: err})
				return
			}
			p := next(ctx)
			if !yield(p) || p.err != nil || !p.more {
				return
			}
		}
	}
}

// ahead fetches pages on a goroutine of its own, one ahead of the loop:
// the goroutine hands a page over and only then fetches the next, which
// it holds until the loop takes it. When the loop stops, the fetch in
// flight is cancelled and the goroutine joined before the range returns.
// A fetch that panics panics in the loop's goroutine, after the pages
// before it, as it would without the goroutine: there the caller can
// recover it, where on the goroutine it would end the program.
func ahead[T any](ctx context.Context, next walker[T]) iter.Seq[page[T]] {
	return func(yield func(page[T]) bool) {
		ctx, cancel := context.WithCancel(ctx)
		handed := make(chan page[T]) // unbuffered: the goroutine holds one page at most
		// stop, not ctx, tells the goroutine that the loop is gone: when the
		// caller's ctx ends, the error it causes must still be handed over.
		stop := make(chan struct{})
		var fault *fetchPanic // written before handed is closed, read after
		go func() {
			defer close(handed)
			defer func() {
				if v := recover(); v != nil {
					fault = &fetchPanic{v}
				}
			}()
			for p := range inTurn(ctx, next) {
				select {
				case handed <- p:
				case <-stop:
					return
				}
			}
		}()
		defer func() {
			close(stop)
			cancel()
			for range handed { // join; a page fetched ahead is dropped
			}
			if fault != nil {
				panic(fault.value)
			}
		}()
		for p := range handed {
			if !yield(p) {
				return
			}
		}
	}
}

// fetchPanic carries the value a fetch panicked with to the loop's
// goroutine.
type fetchPanic struct{ value any }
