package main

import (
	"net/http"
	"runtime"
	"strings"
)

// admit serves at most n requests at once across the web pages and the API,
// waking waiters in arrival order (a channel's queue of blocked senders is
// FIFO). Without it, 64 concurrent clients contend for a handful of database
// connections that database/sql hands to a random waiter, and a few requests
// wait many turns: the tail latency, not the throughput, suffers. Health
// probes and static files bypass the queue.
func admit(n int, next http.Handler) http.Handler {
	if n <= 0 {
		n = max(4, 2*runtime.GOMAXPROCS(0))
	}
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p == "/healthz" || p == "/readyz" || strings.HasPrefix(p, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case slots <- struct{}{}:
		case <-r.Context().Done():
			return
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}
