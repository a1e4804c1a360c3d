package paging

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// offsetServer serves items 0..total-1 in pages of limit and records the
// offsets asked for.
type offsetServer struct {
	total, limit int
	calls        []int
	failAt       int // offset whose fetch fails; -1 for none
}

func (s *offsetServer) fetch(_ context.Context, offset int) ([]int, int, error) {
	s.calls = append(s.calls, offset)
	if offset == s.failAt {
		return nil, 0, errors.New("boom")
	}
	var items []int
	for i := offset; i < min(offset+s.limit, s.total); i++ {
		items = append(items, i)
	}
	return items, s.total, nil
}

func collect[T any](t *testing.T, seq func(func(T, error) bool)) ([]T, []error) {
	t.Helper()
	var items []T
	var errs []error
	for item, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, item)
	}
	return items, errs
}

func TestOffsetIteratesThreePagesInOrder(t *testing.T) {
	s := &offsetServer{total: 25, limit: 10, failAt: -1}
	seq := Offset(context.Background(), 0, s.fetch, nil)
	assert.Empty(t, s.calls, "lazy: nothing fetched before the range")

	items, errs := collect(t, seq)
	assert.Empty(t, errs)
	assert.Equal(t, 25, len(items))
	assert.True(t, slices.IsSorted(items))
	assert.Equal(t, []int{0, 10, 20}, s.calls)

	// Ranging again starts over.
	again, _ := collect(t, seq)
	assert.Equal(t, items, again)
	assert.Equal(t, []int{0, 10, 20, 0, 10, 20}, s.calls)
}

func TestOffsetStartsAtTheGivenOffsetAndFollowsAShortPage(t *testing.T) {
	s := &offsetServer{total: 23, limit: 5, failAt: -1}
	items, errs := collect(t, Offset(context.Background(), 10, s.fetch, nil))
	assert.Empty(t, errs)
	assert.Equal(t, []int{10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22}, items)
	assert.Equal(t, []int{10, 15, 20}, s.calls, "stops at offset >= count without asking for an empty page")
}

func TestOffsetBreakAfterTheFirstItemMakesNoSecondRequest(t *testing.T) {
	s := &offsetServer{total: 25, limit: 10, failAt: -1}
	for item, err := range Offset(context.Background(), 0, s.fetch, nil) {
		require.NoError(t, err)
		assert.Equal(t, 0, item)
		break
	}
	assert.Equal(t, []int{0}, s.calls)
}

func TestOffsetErrorOnPage2IsYieldedOnceAndStops(t *testing.T) {
	s := &offsetServer{total: 25, limit: 10, failAt: 10}
	items, errs := collect(t, Offset(context.Background(), 0, s.fetch, nil))
	assert.Len(t, items, 10)
	require.Len(t, errs, 1)
	assert.EqualError(t, errs[0], "boom")
	assert.Equal(t, []int{0, 10}, s.calls)
}

func TestOffsetEndsAtAnEmptyPageEvenIfCountSaysMore(t *testing.T) {
	calls := 0
	fetch := func(_ context.Context, offset int) ([]string, int, error) {
		calls++
		if offset == 0 {
			return []string{"a", "b"}, 100, nil
		}
		return nil, 100, nil
	}
	items, errs := collect(t, Offset(context.Background(), 0, fetch, nil))
	assert.Empty(t, errs)
	assert.Equal(t, []string{"a", "b"}, items)
	assert.Equal(t, 2, calls)
}

func TestOffsetServerRepeatingAPageEndsWithErrLoop(t *testing.T) {
	calls := 0
	ignoresOffset := func(context.Context, int) ([]string, int, error) {
		calls++
		return []string{"a", "b"}, 1_000_000, nil
	}
	items, errs := collect(t, Offset(context.Background(), 0, ignoresOffset, func(s string) string { return s }))
	assert.Equal(t, []string{"a", "b"}, items)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrLoop)
	assert.Equal(t, 2, calls)
}

func TestOffsetStopsOnACancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &offsetServer{total: 100, limit: 10, failAt: -1}
	n := 0
	var gotErr error
	for _, err := range Offset(ctx, 0, s.fetch, nil) {
		if err != nil {
			gotErr = err
			break
		}
		if n++; n == 10 {
			cancel()
		}
	}
	assert.ErrorIs(t, gotErr, context.Canceled)
	assert.Equal(t, []int{0}, s.calls)
}

// cursorServer serves pages keyed by cursor: "" is the first.
type cursorServer struct {
	pages map[string]cursorPage
	calls []string
}

type cursorPage struct {
	items []int
	next  string
	err   error
}

func (s *cursorServer) fetch(_ context.Context, cursor string) ([]int, string, error) {
	s.calls = append(s.calls, cursor)
	p, ok := s.pages[cursor]
	if !ok {
		return nil, "", fmt.Errorf("unknown cursor %q", cursor)
	}
	return p.items, p.next, p.err
}

func threePages() *cursorServer {
	return &cursorServer{pages: map[string]cursorPage{
		"":   {items: []int{1, 2}, next: "c2"},
		"c2": {items: []int{3, 4}, next: "c3"},
		"c3": {items: []int{5}, next: ""},
	}}
}

func TestCursorIteratesThreePagesInOrder(t *testing.T) {
	s := threePages()
	seq := Cursor(context.Background(), "", s.fetch)
	assert.Empty(t, s.calls)
	items, errs := collect(t, seq)
	assert.Empty(t, errs)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, items)
	assert.Equal(t, []string{"", "c2", "c3"}, s.calls)

	again, _ := collect(t, seq)
	assert.Equal(t, items, again, "ranging again starts over")
}

func TestCursorBreakAfterTheFirstItemMakesNoSecondRequest(t *testing.T) {
	s := threePages()
	for range Cursor(context.Background(), "", s.fetch) {
		break
	}
	assert.Equal(t, []string{""}, s.calls)
}

func TestCursorErrorOnPage2IsYieldedOnceAndStops(t *testing.T) {
	s := threePages()
	s.pages["c2"] = cursorPage{err: errors.New("page 2 failed")}
	items, errs := collect(t, Cursor(context.Background(), "", s.fetch))
	assert.Equal(t, []int{1, 2}, items)
	require.Len(t, errs, 1)
	assert.EqualError(t, errs[0], "page 2 failed")
	assert.Equal(t, []string{"", "c2"}, s.calls)
}

func TestCursorFollowsAnEmptyPageThatCarriesACursor(t *testing.T) {
	s := threePages()
	s.pages["c2"] = cursorPage{next: "c3"}
	items, errs := collect(t, Cursor(context.Background(), "", s.fetch))
	assert.Empty(t, errs)
	assert.Equal(t, []int{1, 2, 5}, items)
}

func TestCursorRepeatedForeverEndsWithAnError(t *testing.T) {
	same := &cursorServer{pages: map[string]cursorPage{
		"":  {items: []int{1}, next: "A"},
		"A": {items: []int{2}, next: "A"},
	}}
	items, errs := collect(t, Cursor(context.Background(), "", same.fetch))
	assert.Equal(t, []int{1, 2}, items)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrLoop)
	assert.Contains(t, errs[0].Error(), `next cursor "A" was already followed`)

	cycle := &cursorServer{pages: map[string]cursorPage{
		"":  {items: []int{1}, next: "A"},
		"A": {items: []int{2}, next: "B"},
		"B": {items: []int{3}, next: "A"},
	}}
	_, errs = collect(t, Cursor(context.Background(), "", cycle.fetch))
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrLoop)
}

func TestCursorEndlessEmptyPagesEndWithAnError(t *testing.T) {
	calls := 0
	fetch := func(_ context.Context, cursor string) ([]int, string, error) {
		calls++
		n, _ := strconv.Atoi(cursor)
		return nil, strconv.Itoa(n + 1), nil
	}
	_, errs := collect(t, Cursor(context.Background(), "", fetch))
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrLoop)
	assert.Equal(t, MaxEmptyPages, calls)
}

func ExampleCursor() {
	pages := map[string][]string{"": {"ada", "grace"}, "p2": {"linus"}}
	next := map[string]string{"": "p2"}
	fetch := func(_ context.Context, cursor string) ([]string, string, error) {
		return pages[cursor], next[cursor], nil
	}
	for name, err := range Cursor(context.Background(), "", fetch) {
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		fmt.Println(name)
	}
	// Output:
	// ada
	// grace
	// linus
}

func TestPrefetchYieldsWhatFetchingInTurnYields(t *testing.T) {
	offsetCases := map[string]func() *offsetServer{
		"three pages":   func() *offsetServer { return &offsetServer{total: 25, limit: 10, failAt: -1} },
		"page 2 fails":  func() *offsetServer { return &offsetServer{total: 25, limit: 10, failAt: 10} },
		"a short start": func() *offsetServer { return &offsetServer{total: 23, limit: 5, failAt: -1} },
	}
	for name, server := range offsetCases {
		s1, s2 := server(), server()
		items, errs := collect(t, Offset(context.Background(), 0, s1.fetch, nil))
		itemsAhead, errsAhead := collect(t, Offset(context.Background(), 0, s2.fetch, nil, Prefetch(true)))
		assert.Equal(t, items, itemsAhead, name)
		assert.Equal(t, errs, errsAhead, name)
		assert.Equal(t, s1.calls, s2.calls, "%s: a range to its end fetches the same pages", name)
	}
	cursorCases := map[string]func() *cursorServer{
		"three pages": threePages,
		"page 2 fails": func() *cursorServer {
			s := threePages()
			s.pages["c2"] = cursorPage{err: errors.New("page 2 failed")}
			return s
		},
		"a repeated cursor": func() *cursorServer {
			return &cursorServer{pages: map[string]cursorPage{"": {items: []int{1}, next: "A"}, "A": {items: []int{2}, next: "A"}}}
		},
	}
	for name, server := range cursorCases {
		s1, s2 := server(), server()
		items, errs := collect(t, Cursor(context.Background(), "", s1.fetch))
		itemsAhead, errsAhead := collect(t, Cursor(context.Background(), "", s2.fetch, Prefetch(true)))
		assert.Equal(t, items, itemsAhead, name)
		assert.Equal(t, errs, errsAhead, name)
		assert.Equal(t, s1.calls, s2.calls, name)
	}
}

func TestPrefetchFetchesTheNextPageWhileTheLoopWorksButNeverTwoAhead(t *testing.T) {
	const pages = 8 // of one item each
	started := make(chan int, pages)
	var seen atomic.Int32 // items the loop has begun
	var tooFar atomic.Int32
	fetch := func(_ context.Context, offset int) ([]int, int, error) {
		if int(seen.Load()) < offset-1 {
			tooFar.Add(1) // page offset fetched before the loop reached page offset-1
		}
		started <- offset
		return []int{offset}, pages, nil
	}
	for item, err := range Offset(context.Background(), 0, fetch, nil, Prefetch(true)) {
		require.NoError(t, err)
		seen.Add(1)
		if item+1 < pages {
			// The next page is being fetched while this one is worked on.
			require.Eventually(t, func() bool {
				for {
					select {
					case o := <-started:
						if o == item+1 {
							return true
						}
					default:
						return false
					}
				}
			}, time.Second, time.Millisecond, "page %d was not fetched ahead", item+1)
		}
		// Time for a goroutine that would run further ahead to do so.
		time.Sleep(2 * time.Millisecond)
	}
	assert.Zero(t, tooFar.Load(), "a page was fetched two ahead of the loop")
}

func TestPrefetchBreakCancelsTheFetchAheadAndJoinsItsGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	var cancelled, returned atomic.Bool
	inFlight := make(chan struct{})
	fetch := func(ctx context.Context, cursor string) ([]int, string, error) {
		if cursor == "" {
			return []int{1, 2}, "next", nil
		}
		close(inFlight)
		defer returned.Store(true)
		select { // a request in flight, answered only when cancelled
		case <-ctx.Done():
			cancelled.Store(true)
			return nil, "", ctx.Err()
		case <-time.After(5 * time.Second):
			return []int{3}, "", nil
		}
	}
	start := time.Now()
	for item, err := range Cursor(context.Background(), "", fetch, Prefetch(true)) {
		require.NoError(t, err)
		require.Equal(t, 1, item)
		// Not require.Eventually on the goroutine count, which its own
		// goroutines satisfy at once: the loop broke, now and then, before
		// the fetch ahead had started.
		<-inFlight
		break
	}
	assert.Less(t, time.Since(start), time.Second)
	assert.True(t, cancelled.Load(), "the fetch ahead was cancelled")
	assert.True(t, returned.Load(), "and joined before the range returned")
	noneLeftBehind(t, before)
}

// noneLeftBehind checks that the goroutines a range started are gone. A
// joined goroutine may still be exiting, after its last deferred call,
// when the range returns: it is given a moment.
func noneLeftBehind(t *testing.T, before int) {
	t.Helper()
	// Polled here: assert.Eventually runs goroutines of its own.
	for deadline := time.Now().Add(time.Second); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "no goroutine left behind")
}

func TestPrefetchDeliversTheCallersCancellationAfterThePageBefore(t *testing.T) {
	for range 20 { // the goroutine races the loop: make each outcome likely
		ctx, cancel := context.WithCancel(context.Background())
		s := &offsetServer{total: 30, limit: 10, failAt: -1}
		var items []int
		var errs []error
		for item, err := range Offset(ctx, 0, func(ctx context.Context, offset int) ([]int, int, error) {
			if offset > 0 {
				<-ctx.Done() // the next page is in flight when the caller gives up
				return nil, 0, ctx.Err()
			}
			return s.fetch(ctx, offset)
		}, nil, Prefetch(true)) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			items = append(items, item)
			if item == 4 {
				cancel()
			}
		}
		assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, items, "the page in hand is finished")
		require.Len(t, errs, 1)
		assert.ErrorIs(t, errs[0], context.Canceled)
		cancel()
	}
}

func TestPrefetchHandsAPanickingFetchToTheLoopsGoroutine(t *testing.T) {
	// Without Prefetch a fetch that panics (a caller's transport or
	// decoder, say) panics in the caller's goroutine, where it can be
	// recovered; the goroutine fetching ahead must not crash the program
	// instead.
	before := runtime.NumGoroutine()
	s := &offsetServer{total: 30, limit: 10, failAt: -1}
	fetch := func(ctx context.Context, offset int) ([]int, int, error) {
		if offset == 10 {
			panic("decoder bug")
		}
		return s.fetch(ctx, offset)
	}
	var items []int
	recovered := func() (v any) {
		defer func() { v = recover() }()
		for item, err := range Offset(context.Background(), 0, fetch, nil, Prefetch(true)) {
			require.NoError(t, err)
			items = append(items, item)
		}
		return nil
	}()
	assert.Equal(t, "decoder bug", recovered)
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, items, "after the page before it, as without Prefetch")
	noneLeftBehind(t, before)
}

func TestPrefetchLeavesNoGoroutineWhenTheLoopPanicsOrTheContextEnds(t *testing.T) {
	slowNext := func(ctx context.Context, offset int) ([]int, int, error) {
		if offset > 0 {
			<-ctx.Done() // the page ahead is in flight
			return nil, 0, ctx.Err()
		}
		return []int{0, 1}, 10, nil
	}
	before := runtime.NumGoroutine()
	assert.PanicsWithValue(t, "loop bug", func() {
		for range Offset(context.Background(), 0, slowNext, nil, Prefetch(true)) {
			panic("loop bug")
		}
	})
	noneLeftBehind(t, before)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errs []error
	for _, err := range Offset(ctx, 0, slowNext, nil, Prefetch(true)) {
		cancel()
		if err != nil {
			errs = append(errs, err)
		}
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], context.Canceled)
	noneLeftBehind(t, before)
}
