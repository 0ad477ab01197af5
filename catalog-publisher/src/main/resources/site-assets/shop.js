// The storefront's script for every page: the session, the cart, the header and "Add to cart".
// No dependencies and no build step. Pages are static and public; everything about the shopper comes from the APIs
// on the same origin (/api/*) and is written into the page with textContent, never as HTML.
//
// Where things are kept (see catalog-publisher/README.md, "Storefront in the browser"):
// - the access token (15 minutes) in sessionStorage: gone when the tab closes, never sent to the bucket, and readable
//   only by scripts of this origin; the Content-Security-Policy allows no inline or third-party script;
// - the refresh token in an HttpOnly cookie that account-service sets (Path=/api/accounts/session, SameSite=Strict):
//   no script, this one included, can read it; the browser sends it only to refresh the access token and to sign out.
//   localStorage holds only a hint that such a cookie was set ("storefront.session"), so that a new tab knows it is
//   worth asking for an access token;
// - the anonymous cart's id and token in localStorage, so a cart survives closing the browser.
(function () {
  "use strict";

  var TOKEN = "storefront.accessToken";
  var TOKEN_EXPIRES = "storefront.accessTokenExpiresAt";
  var SIGNED_IN_CART = "storefront.cartId";
  var ANONYMOUS_CART = "storefront.anonymousCart";
  var SESSION_HINT = "storefront.session";
  /** Sent with every request that carries the refresh cookie: a page of another origin cannot send it. */
  var SESSION_HEADERS = { Accept: "application/json", "X-Requested-With": "storefront" };

  function read(storage, key) {
    try {
      return storage.getItem(key);
    } catch (e) {
      return null; // storage switched off: behave as a new visitor
    }
  }

  function write(storage, key, value) {
    try {
      if (value === null) {
        storage.removeItem(key);
      } else {
        storage.setItem(key, value);
      }
    } catch (e) {
      // storage full or switched off: the shopper loses the cart on reload, nothing worse
    }
  }

  // ---- session ----------------------------------------------------------------------------------------------------

  var refreshing = null;

  /** Asks account-service for a new access token with the refresh cookie; resolves with the token or null. */
  function refreshNow() {
    var request = function () {
      return window.fetch("/api/accounts/session/refresh", {
        method: "POST", headers: SESSION_HEADERS, credentials: "same-origin", cache: "no-store"
      }).then(function (response) {
        if (response.status === 200) {
          return response.json().then(function (body) {
            session.start(body.accessToken, body.expiresIn);
            return body.accessToken;
          });
        }
        if (response.status === 401 || response.status === 403) {
          session.clear(); // the session has ended (signed out elsewhere, expired, or revoked)
          updateHeader();
        }
        return null; // account-service down: stay signed in, try again on the next call
      }, function () {
        return null;
      });
    };
    // Tabs share the cookie: refreshing in two at once would present the same token twice, which ends the session.
    // A Web Lock makes them take turns, so each presents the cookie the previous one left.
    if (navigator.locks && navigator.locks.request) {
      return navigator.locks.request("storefront.refresh", request);
    }
    return request();
  }

  var session = {
    /** The access token while it is valid, else null (synchronous; see fresh()). */
    token: function () {
      var token = read(sessionStorage, TOKEN);
      var expires = Number(read(sessionStorage, TOKEN_EXPIRES) || 0);
      return token && expires > Date.now() ? token : null;
    },
    /** Signed in, or holding a refresh cookie that probably still works. */
    signedIn: function () {
      return session.token() !== null || read(localStorage, SESSION_HINT) !== null;
    },
    /**
     * Resolves with a valid access token, refreshing it first when it has expired (or when {@code force} is set, after
     * a 401); null when signed out. Refreshes of one tab are merged into one request.
     */
    fresh: function (force) {
      var token = session.token();
      if (token && !force) {
        return Promise.resolve(token);
      }
      if (read(localStorage, SESSION_HINT) === null) {
        return Promise.resolve(null);
      }
      if (!refreshing) {
        refreshing = refreshNow().then(function (fresh) {
          refreshing = null;
          return fresh;
        });
      }
      return refreshing;
    },
    /**
     * Resolves with whether the shopper is signed in, after refreshing the access token if needed. While
     * account-service cannot be reached the session is kept (the pages then say which service is down).
     */
    ready: function () {
      return session.fresh(false).then(function (token) {
        return token !== null || read(localStorage, SESSION_HINT) !== null;
      });
    },
    start: function (accessToken, expiresInSeconds) {
      write(sessionStorage, TOKEN, accessToken);
      // Treat the token as expired a little early, so a request never races its expiry: it is refreshed before.
      write(sessionStorage, TOKEN_EXPIRES, String(Date.now() + Math.max(0, expiresInSeconds - 30) * 1000));
      write(localStorage, SESSION_HINT, "1");
    },
    clear: function () {
      write(sessionStorage, TOKEN, null);
      write(sessionStorage, TOKEN_EXPIRES, null);
      write(sessionStorage, SIGNED_IN_CART, null);
      write(localStorage, SESSION_HINT, null);
    },
    /** Signs out: account-service revokes the session and clears the cookie; then this tab forgets it. */
    signOut: function () {
      return window.fetch("/api/accounts/session", {
        method: "DELETE", headers: SESSION_HEADERS, credentials: "same-origin", cache: "no-store"
      }).then(function (response) {
        if (response.status !== 204) {
          throw new ApiError(response.status, describe(response.status, {}, "/api/accounts"));
        }
        session.clear();
      }, function () {
        throw new ApiError(0, describe(0, {}, "/api/accounts"));
      });
    }
  };

  // Signed out in another tab (the hint is gone): this tab forgets its access token too.
  window.addEventListener("storage", function (event) {
    if (event.key === SESSION_HINT && event.newValue === null && session.token()) {
      write(sessionStorage, TOKEN, null);
      write(sessionStorage, TOKEN_EXPIRES, null);
      updateHeader();
    }
  });

  // ---- messages ---------------------------------------------------------------------------------------------------

  function region(id) {
    return document.getElementById(id);
  }

  /** Shows text (and optionally one link) in the alert or status region and moves focus there. */
  function show(id, text, link, focus) {
    var box = region(id);
    if (!box) {
      return;
    }
    var other = region(id === "alert" ? "status" : "alert");
    if (other) {
      other.textContent = "";
    }
    box.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    if (link) {
      p.appendChild(document.createTextNode(" "));
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      p.appendChild(a);
    }
    box.appendChild(p);
    if (focus !== false) {
      box.focus();
    }
  }

  var messages = {
    error: function (text, link, focus) {
      show("alert", text, link, focus);
    },
    ok: function (text, link, focus) {
      show("status", text, link, focus);
    },
    clear: function () {
      ["alert", "status"].forEach(function (id) {
        var box = region(id);
        if (box) {
          box.textContent = "";
        }
      });
    }
  };

  // ---- API calls --------------------------------------------------------------------------------------------------

  /** A failed call, with a sentence a shopper can act on. */
  function ApiError(status, message, problem) {
    this.status = status;
    this.message = message;
    this.problem = problem || {};
  }

  var SERVICES = { accounts: "account", carts: "cart", orders: "order" };

  function serviceName(path) {
    var match = /^\/api\/([a-z]+)/.exec(path);
    return (match && SERVICES[match[1]]) || "shop";
  }

  function describe(status, problem, path) {
    if (status === 0 || status >= 500) {
      return "The " + serviceName(path) + " service is not answering right now. Browsing still works; " +
        "please try again in a moment.";
    }
    var text = problem.detail || problem.title || "The request was refused (" + status + ").";
    if (problem.errors && problem.errors.length) {
      text += " " + problem.errors.map(function (e) {
        var field = String(e.field || "").split(".").pop();
        return (field ? field + ": " : "") + e.message;
      }).join("; ") + ".";
    }
    return text;
  }

  /**
   * Calls an API on this origin. Resolves with {status, body, headers}; rejects with an ApiError for a network failure
   * or any status of 400 and above. A signed-in call refreshes an expired access token first; a 401 on it refreshes
   * once and retries, and ends the session if that fails. Cookies are sent only with {@code cookies: true} (sign-in and
   * password change, whose answers set the refresh cookie).
   */
  function api(method, path, options) {
    options = options || {};
    var auth = options.auth !== false;
    return (auth ? session.fresh(false) : Promise.resolve(null)).then(function (token) {
      return call(method, path, options, token).then(null, function (error) {
        if (error.status !== 401 || !token) {
          throw error;
        }
        return session.fresh(true).then(function (fresh) {
          if (!fresh) {
            session.clear();
            updateHeader();
            throw error;
          }
          return call(method, path, options, fresh);
        });
      });
    });
  }

  function call(method, path, options, token) {
    var headers = { Accept: "application/json" };
    if (token) {
      headers.Authorization = "Bearer " + token;
    }
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    Object.keys(options.headers || {}).forEach(function (name) {
      headers[name] = options.headers[name];
    });
    var init = {
      method: method, headers: headers, credentials: options.cookies ? "same-origin" : "omit", cache: "no-store"
    };
    if (options.body !== undefined) {
      init.body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    }
    return window.fetch(path, init).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var parse = type.indexOf("json") >= 0 ? response.json().catch(function () { return {}; })
        : Promise.resolve({});
      return parse.then(function (body) {
        if (response.status >= 400) {
          throw new ApiError(response.status, describe(response.status, body, path), body);
        }
        return { status: response.status, body: body, headers: response.headers };
      });
    }, function () {
      throw new ApiError(0, describe(0, {}, path));
    });
  }

  // ---- money ------------------------------------------------------------------------------------------------------

  /** Minor units to a price as the catalog pages show it ("€12.99"). */
  function money(minor, currency) {
    try {
      var format = new Intl.NumberFormat("en-IE", { style: "currency", currency: currency });
      var digits = format.resolvedOptions().maximumFractionDigits;
      return format.format(minor / Math.pow(10, digits));
    } catch (e) {
      return (minor / 100).toFixed(2) + " " + currency;
    }
  }

  function totalText(totals) {
    if (!totals || !totals.length) {
      return money(0, "EUR");
    }
    return totals.map(function (t) { return money(t.amount, t.currency); }).join(" + ");
  }

  // ---- the cart ---------------------------------------------------------------------------------------------------

  function anonymousCart() {
    try {
      var stored = JSON.parse(read(localStorage, ANONYMOUS_CART) || "null");
      return stored && stored.id && stored.token ? stored : null;
    } catch (e) {
      return null;
    }
  }

  function forgetAnonymousCart() {
    write(localStorage, ANONYMOUS_CART, null);
  }

  /** Headers that prove the caller may use the current cart. */
  function cartHeaders(ref) {
    return ref.token ? { "X-Cart-Token": ref.token } : {};
  }

  /**
   * Moves the anonymous cart's lines into the signed-in shopper's cart (cart-service adds quantities up and deletes the
   * anonymous cart). Resolves with the shopper's cart, or null when there was nothing to merge.
   */
  function mergeAnonymousCart() {
    var anonymous = anonymousCart();
    if (!anonymous || !session.signedIn()) {
      return Promise.resolve(null);
    }
    return api("POST", "/api/carts/" + encodeURIComponent(anonymous.id) + "/merge", {
      headers: { "X-Cart-Token": anonymous.token }
    }).then(function (response) {
      forgetAnonymousCart();
      write(sessionStorage, SIGNED_IN_CART, response.body.id);
      return response.body;
    }, function (error) {
      if (error.status === 404) {
        forgetAnonymousCart(); // expired or already merged: nothing left to bring along
        return null;
      }
      throw error;
    });
  }

  /** The cart to use: {id, token?}. Creates one when needed (POST /api/carts). */
  function cartRef(create) {
    // Only with an access token: while account-service cannot renew one, the anonymous cart is used (and merged later).
    return session.fresh(false).then(function (token) {
      return token ? signedInCartRef() : anonymousCartRef(create);
    });
  }

  function signedInCartRef() {
    return mergeAnonymousCart().then(function () {
      var id = read(sessionStorage, SIGNED_IN_CART);
      if (id) {
        return { id: id };
      }
      return api("POST", "/api/carts").then(function (response) {
        write(sessionStorage, SIGNED_IN_CART, response.body.id);
        return { id: response.body.id };
      });
    });
  }

  function anonymousCartRef(create) {
    var anonymous = anonymousCart();
    if (anonymous || !create) {
      return Promise.resolve(anonymous);
    }
    return api("POST", "/api/carts", { auth: false }).then(function (response) {
      var ref = { id: response.body.id, token: response.body.token };
      write(localStorage, ANONYMOUS_CART, JSON.stringify(ref));
      return ref;
    });
  }

  /** A stored cart that the service no longer knows (purged after being idle) is forgotten. */
  function forgetCart(ref) {
    if (ref.token) {
      forgetAnonymousCart();
    } else {
      write(sessionStorage, SIGNED_IN_CART, null);
    }
  }

  /** Reads the current cart; resolves with null when the visitor has none yet. */
  function loadCart() {
    return cartRef(false).then(function (ref) {
      if (!ref) {
        return null;
      }
      return api("GET", "/api/carts/" + encodeURIComponent(ref.id), { headers: cartHeaders(ref) })
        .then(function (response) {
          showCount(response.body);
          return response.body;
        }, function (error) {
          if (error.status === 404) {
            forgetCart(ref);
            return null;
          }
          throw error;
        });
    });
  }

  function lineOf(cart, sku) {
    return (cart && cart.lines || []).filter(function (l) { return l.sku === sku; })[0];
  }

  /** Sets a line's quantity (PUT sets, it does not add). Resolves with the cart. */
  function setQuantity(sku, quantity) {
    return cartRef(true).then(function (ref) {
      return api("PUT", "/api/carts/" + encodeURIComponent(ref.id) + "/items/" + encodeURIComponent(sku), {
        headers: cartHeaders(ref),
        body: { quantity: quantity }
      }).then(function (response) {
        showCount(response.body);
        return response.body;
      }, function (error) {
        if (error.status === 404) {
          forgetCart(ref); // the stored cart is gone; the next try starts a new one
          error.message = "Your cart had expired. Please add the product again.";
        }
        throw error;
      });
    });
  }

  function removeLine(sku) {
    return cartRef(false).then(function (ref) {
      return api("DELETE", "/api/carts/" + encodeURIComponent(ref.id) + "/items/" + encodeURIComponent(sku), {
        headers: cartHeaders(ref)
      }).then(function (response) {
        showCount(response.body);
        return response.body;
      });
    });
  }

  /** Adds to what the cart already holds (capped at 99). */
  function addToCart(sku, quantity) {
    return loadCart().then(function (cart) {
      var line = lineOf(cart, sku);
      return setQuantity(sku, Math.min(99, (line ? line.quantity : 0) + quantity));
    });
  }

  // ---- header -----------------------------------------------------------------------------------------------------

  function showCount(cart) {
    var count = cart ? cart.itemCount : 0;
    document.querySelectorAll("[data-cart-count]").forEach(function (el) {
      el.textContent = count > 0 ? "(" + count + ")" : "";
    });
    document.querySelectorAll("[data-cart-link]").forEach(function (a) {
      a.setAttribute("aria-label", count > 0 ? "Cart, " + count + (count === 1 ? " item" : " items") : "Cart");
    });
  }

  function updateHeader() {
    document.querySelectorAll("[data-account-link]").forEach(function (a) {
      if (session.signedIn()) {
        a.textContent = "Account";
        a.href = "/account/index.html";
      } else {
        a.textContent = "Sign in";
        a.href = "/sign-in.html";
      }
    });
  }

  // ---- add to cart (product and category pages) --------------------------------------------------------------------

  function onAddToCart(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("add-to-cart")) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button && button.disabled) {
      return;
    }
    var quantity = Math.max(1, Math.min(99, Number(new FormData(form).get("quantity")) || 1));
    var name = form.dataset.name || form.dataset.sku;
    if (button) {
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
    }
    addToCart(form.dataset.sku, quantity).then(function (cart) {
      var line = lineOf(cart, form.dataset.sku);
      messages.ok("Added " + name + " to your cart" + (line ? " (" + line.quantity + " in cart)." : "."),
        { href: "/cart.html", text: "View your cart" });
      document.dispatchEvent(new CustomEvent("storefront:cart-changed", { detail: cart }));
    }, function (error) {
      messages.error("Could not add " + name + " to your cart. " + error.message);
    }).then(function () {
      if (button) {
        button.disabled = false;
        button.removeAttribute("aria-busy");
      }
    });
  }

  document.addEventListener("submit", onAddToCart);

  function start() {
    updateHeader();
    // A new tab, or an access token that expired while the page was closed: renew it from the refresh cookie.
    session.ready().then(updateHeader);
    // The header count is a nicety: if cart-service is down the page simply shows no count.
    if (document.body.dataset.page === "catalog") {
      loadCart().catch(function () {});
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  window.Storefront = {
    session: session,
    messages: messages,
    api: api,
    money: money,
    totalText: totalText,
    cart: {
      load: loadCart,
      setQuantity: setQuantity,
      remove: removeLine,
      merge: mergeAnonymousCart,
      ref: cartRef,
      showCount: showCount
    },
    updateHeader: updateHeader
  };
})();
