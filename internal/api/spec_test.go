package api

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"

	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"asah/internal/app"
)

// specChecker validates real requests and responses against the served
// OpenAPI document with kin-openapi.
type specChecker struct {
	doc *openapi3.T
}

// loadSpec loads and validates the document as served (JSON).
func loadSpec(t *testing.T, specJSON []byte) *openapi3.T {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(specJSON)
	if err != nil {
		t.Fatalf("openapi.json does not load: %v", err)
	}
	// Validate checks the document's structure, every schema and every
	// example against its schema.
	if err := doc.Validate(loader.Context); err != nil {
		t.Fatalf("openapi.json is not valid: %v", err)
	}
	return doc
}

func newSpecChecker(t *testing.T, specJSON []byte) *specChecker {
	return &specChecker{doc: loadSpec(t, specJSON)}
}

// route finds the documented operation of a request: the path below the
// server URL (/api/v1) matched segment by segment, literal segments before
// templated ones.
func (c *specChecker) route(method, path string) (*routers.Route, map[string]string) {
	rel, ok := strings.CutPrefix(path, Prefix)
	if !ok {
		return nil, nil
	}
	segs := strings.Split(rel, "/")
	keys := c.doc.Paths.InMatchingOrder()
	for _, tmpl := range keys {
		tsegs := strings.Split(tmpl, "/")
		if len(tsegs) != len(segs) {
			continue
		}
		params := map[string]string{}
		match := true
		for i, ts := range tsegs {
			if strings.HasPrefix(ts, "{") && strings.HasSuffix(ts, "}") {
				if segs[i] == "" {
					match = false
					break
				}
				params[ts[1:len(ts)-1]] = segs[i]
			} else if ts != segs[i] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		item := c.doc.Paths.Value(tmpl)
		op := item.GetOperation(method)
		if op == nil {
			return nil, nil
		}
		return &routers.Route{Spec: c.doc, Server: c.doc.Servers[0], Path: tmpl, PathItem: item, Method: method, Operation: op}, params
	}
	return nil, nil
}

// check validates one exchange. A successful request must match the
// documented request (parameters and body); every response of a documented
// operation must have a documented status and match its schema and
// headers. Paths that are no operation must answer the error object.
func (c *specChecker) check(t *testing.T, req *http.Request, raw []byte, res response) {
	t.Helper()
	route, params := c.route(req.Method, req.URL.Path)
	if route == nil {
		if res.status < 400 {
			t.Errorf("%s %s: %d from an undocumented operation", req.Method, req.URL.Path, res.status)
		}
		return
	}
	ctx := context.Background()
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true,
		AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}
	vreq := req.Clone(ctx)
	if raw != nil {
		vreq.Body = io.NopCloser(bytes.NewReader(raw))
	}
	in := &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route, Options: opts}
	if res.status < 300 {
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
			t.Errorf("%s %s: the request the server accepted does not match the document: %v", req.Method, req.URL, err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.status, Header: res.header,
		Options: opts}
	out.SetBodyBytes(res.body)
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		t.Errorf("%s %s: response %d does not match the document: %v\n%s", req.Method, req.URL, res.status, err, truncate(res.body))
	}
}

func truncate(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// TestOpenAPIDocument loads the served document with kin-openapi and
// validates it (structure, schemas, examples), and checks that it is what
// GET /api/v1/openapi.json serves, without a token.
func TestOpenAPIDocument(t *testing.T) {
	s := newServer(nil, Options{})
	doc := loadSpec(t, s.spec)
	if doc.OpenAPI != "3.1.0" || !doc.IsOpenAPI31OrLater() {
		t.Errorf("openapi %q, want 3.1.0", doc.OpenAPI)
	}
	if doc.Components == nil || doc.Components.SecuritySchemes["bearerAuth"] == nil ||
		doc.Components.SecuritySchemes["bearerAuth"].Value.Scheme != "bearer" {
		t.Error("no bearerAuth security scheme")
	}
	if len(doc.Security) != 1 {
		t.Error("bearer security is not the default")
	}
	rec := httptest.NewRecorder()
	s.routes().ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/openapi.json", nil))
	if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), s.spec) {
		t.Fatalf("GET /api/v1/openapi.json: %d, %d bytes", rec.Code, rec.Body.Len())
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	// Every operation answers errors with the error object, and every
	// authenticated operation documents 401 with the bearer challenge.
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			public := op.Security != nil && len(*op.Security) == 0
			for code, r := range op.Responses.Map() {
				if code[0] == '4' || code[0] == '5' {
					if r.Ref == "" || !strings.HasPrefix(r.Ref, "#/components/responses/") {
						t.Errorf("%s %s: response %s is not a shared error response", method, path, code)
					}
				}
			}
			if !public {
				for _, code := range []string{"401", "403", "500"} {
					if op.Responses.Value(code) == nil {
						t.Errorf("%s %s: %s not documented", method, path, code)
					}
				}
			}
		}
	}
	for name, r := range doc.Components.Responses {
		if r.Value.Content.Get("application/json").Schema.Ref != "#/components/schemas/Error" {
			t.Errorf("error response %s does not use the Error schema", name)
		}
	}
}

// TestOpenAPIRejectsWrongShapes makes sure the response validation can
// fail: a body with an unknown field, a missing field or a wrong type, and
// an undocumented status, are each reported.
func TestOpenAPIRejectsWrongShapes(t *testing.T) {
	s := newServer(nil, Options{})
	c := &specChecker{doc: loadSpec(t, s.spec)}
	req := httptest.NewRequest("GET", "/api/v1/employees/198503152010011002/gaps", nil)
	route, params := c.route(req.Method, req.URL.Path)
	if route == nil || params["nip"] != "198503152010011002" {
		t.Fatalf("route not found: %v %v", route, params)
	}
	good := `{"nip":"198503152010011002","name":"A","unit_code":"U","unit":"U","position":"P","jpm":null,"coverage":0,"category":null,"competencies":[]}`
	cases := []struct {
		name   string
		status int
		body   string
		ok     bool
	}{
		{"valid", 200, good, true},
		{"unknown field", 200, strings.Replace(good, `"name":"A"`, `"name":"A","birth":"x"`, 1), false},
		{"missing field", 200, strings.Replace(good, `"coverage":0,`, ``, 1), false},
		{"wrong type", 200, strings.Replace(good, `"jpm":null`, `"jpm":"97"`, 1), false},
		{"bad category", 200, strings.Replace(good, `"category":null`, `"category":"OK"`, 1), false},
		{"undocumented status", 418, `{"error":{"code":"internal","message":"x","fields":{}}}`, false},
		{"error object", 404, `{"error":{"code":"not_found","message":"x","fields":{}}}`, true},
		{"error without fields", 404, `{"error":{"code":"not_found","message":"x"}}`, false},
	}
	for _, tc := range cases {
		in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route}
		out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: tc.status,
			Header:  http.Header{"Content-Type": {"application/json; charset=utf-8"}},
			Options: &openapi3filter.Options{IncludeResponseStatus: true}}
		out.SetBodyBytes([]byte(tc.body))
		err := openapi3filter.ValidateResponse(context.Background(), out)
		if (err == nil) != tc.ok {
			t.Errorf("%s: err = %v, want ok = %v", tc.name, err, tc.ok)
		}
	}
}

// TestRoutesHavePolicyAndDocument: every API route registered goes through
// app.RoutePolicy and the document; every /api/v1 policy entry and every
// documented operation has a handler.
func TestRoutesHavePolicyAndDocument(t *testing.T) {
	s := newServer(nil, Options{})
	s.routes()
	doc := loadSpec(t, s.spec)
	registered := map[string]bool{}
	for _, p := range s.patterns {
		registered[p] = true
		if _, ok := app.PolicyFor(p); !ok {
			t.Errorf("route %s has no RoutePolicy entry", p)
		}
		method, path, _ := strings.Cut(p, " ")
		rel := strings.TrimPrefix(path, Prefix)
		item := doc.Paths.Value(rel)
		if item == nil || item.GetOperation(method) == nil {
			t.Errorf("route %s is not in openapi.yaml", p)
		}
	}
	var policy []string
	for p := range app.RoutePolicy {
		if _, path, _ := strings.Cut(p, " "); strings.HasPrefix(path, Prefix+"/") {
			policy = append(policy, p)
			if !registered[p] {
				t.Errorf("RoutePolicy entry %s has no API handler", p)
			}
		}
	}
	sort.Strings(policy)
	if len(policy) != len(s.patterns) {
		t.Errorf("%d policy entries, %d routes", len(policy), len(s.patterns))
	}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			if !registered[method+" "+Prefix+path] {
				t.Errorf("documented operation %s %s has no handler", method, path)
			}
		}
	}
	// A route without a policy entry stops the start-up.
	defer func() {
		if recover() == nil {
			t.Error("a route without a policy did not panic")
		}
	}()
	s.handle(http.NewServeMux(), "GET /api/v1/unlisted", nil)
}
