package api

import (
	"encoding/json"
	"fmt"
	"net/http"

	"go.yaml.in/yaml/v4"

	"asah/internal/app"
)

// specJSON converts the hand-written YAML document to JSON, value for value:
// mappings become objects (keys sorted), sequences arrays, scalars as YAML
// typed them. Nothing is added or dropped.
func specJSON(doc []byte) ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(doc, &v); err != nil {
		return nil, err
	}
	v, err := jsonable(v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// jsonable turns YAML mappings with non-string keys (a bare 200 as a
// response code) into string-keyed maps that encoding/json accepts.
func jsonable(v any) (any, error) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			c, err := jsonable(e)
			if err != nil {
				return nil, err
			}
			x[k] = c
		}
		return x, nil
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			switch k.(type) {
			case string, int, int64, uint64, bool:
			default:
				return nil, fmt.Errorf("mapping key %v of type %T", k, k)
			}
			c, err := jsonable(e)
			if err != nil {
				return nil, err
			}
			out[fmt.Sprint(k)] = c
		}
		return out, nil
	case []any:
		for i, e := range x {
			c, err := jsonable(e)
			if err != nil {
				return nil, err
			}
			x[i] = c
		}
		return x, nil
	}
	return v, nil
}

// handleOpenAPI serves the document. It describes the API, not anyone's
// data, so it is public and may be cached for a while.
func (s *server) handleOpenAPI() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, _ app.Actor) error {
		h := w.Header()
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Set("Cache-Control", "public, max-age=300")
		w.WriteHeader(http.StatusOK)
		_, err := w.Write(s.spec)
		return err
	}
}
