// Command nsqauth is MQ Lab's NSQ auth service: nsqd (started with -auth-http-address) asks
// it, for every client's AUTH, which topics that client may use. It keeps no state: a
// secret is "<name>:<HMAC-SHA256(key, name) in unpadded base64url>", exactly what the
// server's runSecret() (server/brokers/secrets.ts) makes. The name "server" may use every
// topic; any other name is a run's topic prefix and may use only topics starting with it.
// Anything else gets no authorizations, which nsqd answers with E_UNAUTHORIZED.
//
// The key is read from a file (-key-file) or, for docker compose, MQLAB_NSQ_AUTH_KEY, so it
// never appears on a command line.
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"os"
	"regexp"
	"strings"
	"time"
)

// serverName is the identity whose secret grants every topic (the MQ Lab server's own clients).
const serverName = "server"

// ttlSeconds is how long nsqd trusts an answer before asking again; answers never change.
const ttlSeconds = 3600

type authorization struct {
	Topic       string   `json:"topic"`
	Channels    []string `json:"channels"`
	Permissions []string `json:"permissions"`
}

// state is nsqd's auth response format (nsq internal/auth.State).
type state struct {
	TTL            int             `json:"ttl"`
	Identity       string          `json:"identity"`
	IdentityURL    string          `json:"identity_url"`
	Authorizations []authorization `json:"authorizations"`
}

func main() {
	address := flag.String("http-address", "127.0.0.1:4181", "<addr>:<port> to listen on")
	keyFile := flag.String("key-file", "", "file holding the HMAC key (default: $MQLAB_NSQ_AUTH_KEY)")
	flag.Parse()
	key, err := readKey(*keyFile)
	if err != nil {
		log.Fatalf("nsqauth: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("OK"))
	})
	mux.HandleFunc("/auth", func(w http.ResponseWriter, r *http.Request) {
		answer := authorize(key, r.URL.Query().Get("secret"))
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(answer)
	})
	server := &http.Server{Addr: *address, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Printf("nsqauth: listening on %s", *address)
	log.Fatal(server.ListenAndServe())
}

func readKey(file string) ([]byte, error) {
	if file == "" {
		key := os.Getenv("MQLAB_NSQ_AUTH_KEY")
		if key == "" {
			return nil, errorString("no -key-file and no MQLAB_NSQ_AUTH_KEY")
		}
		return []byte(key), nil
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	key := strings.TrimSpace(string(raw))
	if key == "" {
		return nil, errorString(file + " is empty")
	}
	return []byte(key), nil
}

type errorString string

func (e errorString) Error() string { return string(e) }

// authorize answers one AUTH: every topic for the server, the prefix's topics for a run,
// nothing (denied) for a secret this key did not make.
func authorize(key []byte, secret string) state {
	denied := state{TTL: 1, Identity: "denied", Authorizations: []authorization{}}
	cut := strings.LastIndexByte(secret, ':')
	if cut <= 0 {
		return denied
	}
	name, mac := secret[:cut], secret[cut+1:]
	if !hmac.Equal([]byte(mac), []byte(runSecret(key, name))) {
		return denied
	}
	topic := "^" + regexp.QuoteMeta(name)
	if name == serverName {
		topic = ".*"
	}
	return state{
		TTL:      ttlSeconds,
		Identity: name,
		Authorizations: []authorization{{
			Topic:       topic,
			Channels:    []string{".*"},
			Permissions: []string{"subscribe", "publish"},
		}},
	}
}

// runSecret is runSecret() of server/brokers/secrets.ts: HMAC-SHA256, unpadded base64url.
func runSecret(key []byte, name string) string {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(name))
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}
