// The shopper's own pages: cart, sign-in, sign-up, checkout, order and account. Runs after shop.js (both deferred,
// in document order) and uses its window.Storefront. Every failure ends in a sentence in the page's role=alert
// region; the page itself always stays usable.
(function () {
  "use strict";

  var S = window.Storefront;
  var CHECKOUT_ATTEMPT = "storefront.checkoutAttempt";

  function $(selector, root) {
    return (root || document).querySelector(selector);
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function setHidden(selector, hidden) {
    document.querySelectorAll(selector).forEach(function (node) {
      node.hidden = hidden;
    });
  }

  function focusHeading() {
    var h1 = $("h1");
    if (h1) {
      h1.focus();
    }
  }

  function busy(button, on, label) {
    if (!button) {
      return;
    }
    if (on) {
      button.dataset.label = button.textContent;
      button.textContent = label || button.textContent;
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
    } else {
      button.textContent = button.dataset.label || button.textContent;
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  }

  /**
   * Sends {@code form} through {@code work(values)}, which returns a promise. While it runs the submit button shows
   * {@code busyLabel} and a second submit does nothing; if it fails the button comes back and {@code failed(error)}
   * tells the shopper. On success the button stays busy (the page moves on, or {@code work} re-enables it).
   */
  function onSubmit(form, busyLabel, work, failed) {
    var button = $("button[type=submit]", form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (button.disabled) {
        return;
      }
      busy(button, true, busyLabel);
      work(formValues(form)).then(null, function (error) {
        busy(button, false);
        failed(error);
      });
    });
    return button;
  }

  /** Where to go after signing in: a path on this site from ?next=, else the account page. */
  function nextPage() {
    var next = new URLSearchParams(location.search).get("next") || "";
    return /^\/(?!\/)[^\s\\]*$/.test(next) ? next : "/account/index.html";
  }

  function linkBack() {
    var here = location.pathname + location.search;
    document.querySelectorAll("a[data-return]").forEach(function (a) {
      a.href = a.pathname + "?next=" + encodeURIComponent(here);
    });
    var next = new URLSearchParams(location.search).get("next");
    if (next) {
      document.querySelectorAll("a[data-keep-next]").forEach(function (a) {
        a.href = a.pathname + "?next=" + encodeURIComponent(next);
      });
    }
  }

  function formValues(form) {
    var values = {};
    new FormData(form).forEach(function (value, name) {
      values[name] = typeof value === "string" ? value.trim() : value;
    });
    return values;
  }

  function addressFrom(values) {
    return {
      name: values.name,
      line1: values.line1,
      line2: values.line2 ? values.line2 : null,
      city: values.city,
      postalCode: values.postalCode,
      country: String(values.country || "").toUpperCase()
    };
  }

  function addressText(a) {
    return [a.name, a.line1, a.line2, a.postalCode + " " + a.city, a.country].filter(Boolean).join(", ");
  }

  function dateText(iso) {
    try {
      return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
    } catch (e) {
      return iso;
    }
  }

  function signedOutSection() {
    setHidden("[data-signed-out]", false);
    setHidden("[data-signed-in]", true);
    linkBack();
  }

  // ---- stock hints (cart and checkout) -------------------------------------------------------------------------

  var STOCK_SKUS_PER_CALL = 50;

  /**
   * How many are left of the lines' skus that are running low, from order-service's public stock call: {sku: left}.
   * A sku with plenty, or not counted, is absent. Resolves with {} when the call fails: the cart is then shown without
   * hints, never broken.
   */
  function stockOf(lines) {
    var skus = [];
    lines.forEach(function (line) {
      if (skus.indexOf(line.sku) < 0) {
        skus.push(line.sku);
      }
    });
    skus = skus.slice(0, STOCK_SKUS_PER_CALL);
    if (skus.length === 0) {
      return Promise.resolve({});
    }
    var query = skus.map(function (sku) { return "sku=" + encodeURIComponent(sku); }).join("&");
    return S.api("GET", "/api/orders/stock?" + query, { auth: false }).then(function (response) {
      var left = {};
      ((response.body && response.body.items) || []).forEach(function (item) {
        if (item && typeof item.left === "number" && item.left >= 0) {
          left[item.sku] = item.left;
        }
      });
      return left;
    }, function () {
      return {};
    });
  }

  /** What a shopper must know about a line's stock: {text, bad}, or null when there is nothing to say. */
  function stockNote(quantity, left) {
    if (typeof left !== "number") {
      return null;
    }
    if (left === 0) {
      return { text: "No longer available", bad: true };
    }
    if (quantity > left) {
      return { text: "Only " + left + " left — lower the quantity", bad: true };
    }
    return { text: "Only " + left + " left", bad: false };
  }

  /** Puts a line's stock note into {@code box} (replacing the one before), or removes it. */
  function showStockNote(box, note) {
    var old = box.querySelector("[data-stock-note]");
    if (old) {
      old.remove();
    }
    if (note) {
      var span = el("span", note.text, "note " + (note.bad ? "bad" : "warn"));
      span.dataset.stockNote = "";
      box.appendChild(span);
    }
  }

  /** The list item of each sku in a rendered list of lines. */
  function itemsBySku(list) {
    var items = {};
    Array.prototype.forEach.call(list.children, function (item) {
      items[item.dataset.sku] = item;
    });
    return items;
  }

  /**
   * Adds the stock notes to the lines just rendered; a line the catalog already says cannot be bought keeps its own
   * note. Lines rendered again meanwhile (the cart changed) are left to their own call.
   */
  function showStock(list, lines, boxOf) {
    var available = lines.filter(function (line) { return line.available; });
    var items = itemsBySku(list);
    return stockOf(available).then(function (left) {
      available.forEach(function (line) {
        var item = items[line.sku];
        if (item && item.isConnected) {
          showStockNote(boxOf(item), stockNote(line.quantity, left[line.sku]));
        }
      });
    });
  }

  // ---- cart page ----------------------------------------------------------------------------------------------------

  function cartLine(line, index, onChange) {
    var item = el("li", null, "line" + (line.available ? "" : " unavailable"));
    item.dataset.sku = line.sku;
    var about = el("div", null, "line-about");
    about.appendChild(el("strong", line.name || line.sku));
    about.appendChild(el("span", S.money(line.unitPrice, line.currency) + " each", "unit"));
    if (!line.available) {
      about.appendChild(el("span", "No longer available. It is not in your total; please remove it.", "note bad"));
    } else if (line.priceChanged) {
      about.appendChild(el("span", "The price has changed since you added this. Press Update to accept it.",
        "note warn"));
    }
    item.appendChild(about);

    var form = el("form", null, "quantity");
    var id = "quantity-" + index;
    var label = el("label", "Quantity of " + (line.name || line.sku));
    label.htmlFor = id;
    label.className = "visually-hidden";
    var input = el("input");
    input.id = id;
    input.type = "number";
    input.min = "1";
    input.max = "99";
    input.required = true;
    input.value = String(line.quantity);
    input.disabled = !line.available;
    var update = el("button", "Update", "secondary");
    update.type = "submit";
    update.disabled = !line.available;
    update.setAttribute("aria-label", "Update quantity of " + (line.name || line.sku));
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      busy(update, true);
      onChange(S.cart.setQuantity(line.sku, Number(input.value)), "Updated " + (line.name || line.sku) + ".");
    });
    item.appendChild(form);

    item.appendChild(el("span", line.available ? S.money(line.lineTotal, line.currency) : "–", "line-total"));
    var remove = el("button", "Remove", "link");
    remove.type = "button";
    remove.setAttribute("aria-label", "Remove " + (line.name || line.sku));
    remove.addEventListener("click", function () {
      busy(remove, true);
      onChange(S.cart.remove(line.sku), "Removed " + (line.name || line.sku) + ".");
    });
    item.appendChild(remove);
    return item;
  }

  function renderCart(cart) {
    var list = $("[data-cart-lines]");
    list.textContent = "";
    setHidden("[data-loading]", true);
    var lines = cart ? cart.lines : [];
    setHidden("[data-cart-empty]", lines.length > 0);
    setHidden("[data-cart-summary]", lines.length === 0);
    lines.forEach(function (line, i) {
      list.appendChild(cartLine(line, i, function (change, done) {
        change.then(function (updated) {
          renderCart(updated);
          S.messages.ok(done);
        }, function (error) {
          S.messages.error(error.message);
          S.cart.load().then(renderCart, function () {});
        });
      }));
    });
    if (cart) {
      $("[data-cart-total]").textContent = S.totalText(cart.totals);
    }
    showStock(list, lines, function (item) { return $(".line-about", item); });
  }

  function cartPage() {
    S.cart.load().then(renderCart, function (error) {
      setHidden("[data-loading]", true);
      S.messages.error("Your cart cannot be shown right now. " + error.message);
    });
  }

  // ---- sign-in and sign-up --------------------------------------------------------------------------------------

  function signIn(email, password) {
    // cookies: the answer sets the HttpOnly refresh cookie that keeps the shopper signed in.
    return S.api("POST", "/api/accounts/login", {
      body: { email: email, password: password }, auth: false, cookies: true
    }).then(function (response) {
      S.session.clear(); // whoever was signed in in this tab before, their cart id goes
      S.session.start(response.body.accessToken, response.body.expiresIn);
      S.updateHeader();
      // Bring the anonymous cart along. If cart-service is down the anonymous cart stays and is merged later.
      return S.cart.merge().catch(function () {
        return null;
      });
    });
  }

  function signInPage() {
    linkBack();
    onSubmit($("#sign-in-form"), "Signing in…", function (values) {
      return signIn(values.email, values.password).then(function () {
        location.assign(nextPage());
      });
    }, function (error) {
      if (error.status === 401) {
        S.messages.error("The email or password is wrong.");
      } else if (error.status === 429) {
        S.messages.error("Too many attempts. Please wait a few minutes and try again.");
      } else {
        S.messages.error("You could not be signed in. " + error.message);
      }
    });
  }

  function signUpPage() {
    linkBack();
    onSubmit($("#sign-up-form"), "Creating your account…", function (values) {
      return S.api("POST", "/api/accounts", {
        body: { name: values.name, email: values.email, password: values.password },
        auth: false
      }).then(function () {
        return signIn(values.email, values.password);
      }).then(function () {
        location.assign(nextPage());
      });
    }, function (error) {
      if (error.status === 409) {
        S.messages.error("An account with this email already exists.", { href: "/sign-in.html", text: "Sign in" });
      } else {
        S.messages.error("Your account could not be created. " + error.message);
      }
    });
  }

  // ---- account page ---------------------------------------------------------------------------------------------

  function renderOrders(page, append) {
    var list = $("[data-orders]");
    if (!append) {
      list.textContent = "";
    }
    page.items.forEach(function (order) {
      var item = el("li", null, "order");
      var link = el("a", "Order of " + dateText(order.createdAt));
      link.href = "/order.html?id=" + encodeURIComponent(order.id);
      item.appendChild(link);
      item.appendChild(el("span", order.itemCount + (order.itemCount === 1 ? " item" : " items")));
      item.appendChild(el("span", S.money(order.total, order.currency), "price"));
      item.appendChild(el("span", order.status.charAt(0) + order.status.slice(1).toLowerCase(), "status"));
      list.appendChild(item);
    });
    setHidden("[data-orders-empty]", list.children.length > 0);
    var more = $("[data-orders-more]");
    more.hidden = !page.nextCursor;
    more.dataset.cursor = page.nextCursor || "";
  }

  function loadOrders(cursor) {
    var query = "?size=10" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
    return S.api("GET", "/api/orders" + query).then(function (response) {
      renderOrders(response.body, Boolean(cursor));
    }, function (error) {
      S.messages.error("Your orders cannot be shown right now. " + error.message, null, false);
    });
  }

  function renderAddresses(addresses) {
    var list = $("[data-addresses]");
    list.textContent = "";
    addresses.forEach(function (address) {
      var item = el("li", null, "address");
      item.appendChild(el("span", addressText(address)));
      var remove = el("button", "Delete", "link");
      remove.type = "button";
      remove.setAttribute("aria-label", "Delete address " + addressText(address));
      remove.addEventListener("click", function () {
        busy(remove, true);
        S.api("DELETE", "/api/accounts/me/addresses/" + encodeURIComponent(address.id)).then(function () {
          return loadAddresses();
        }).then(function () {
          S.messages.ok("Address deleted.");
        }, function (error) {
          busy(remove, false);
          S.messages.error("The address could not be deleted. " + error.message);
        });
      });
      item.appendChild(remove);
      list.appendChild(item);
    });
    setHidden("[data-addresses-empty]", addresses.length > 0);
  }

  function loadAddresses() {
    return S.api("GET", "/api/accounts/me/addresses").then(function (response) {
      renderAddresses(response.body);
      return response.body;
    });
  }

  function accountPage() {
    S.session.ready().then(function (signedIn) {
      if (signedIn) {
        showAccount();
      } else {
        signedOutSection();
      }
    });
  }

  function showAccount() {
    setHidden("[data-signed-in]", false);
    S.api("GET", "/api/accounts/me").then(function (response) {
      $("[data-profile]").textContent = response.body.name + " (" + response.body.email + ")";
    }, function (error) {
      $("[data-profile]").textContent = "Your profile cannot be shown right now.";
      S.messages.error(error.message, null, false);
    });
    loadOrders(null);
    loadAddresses().catch(function (error) {
      S.messages.error("Your addresses cannot be shown right now. " + error.message, null, false);
    });
    $("[data-orders-more]").addEventListener("click", function () {
      loadOrders(this.dataset.cursor);
    });
    var signOut = $("[data-sign-out]");
    signOut.addEventListener("click", function () {
      busy(signOut, true, "Signing out…");
      S.session.signOut().then(function () {
        location.assign("/index.html");
      }, function (error) {
        busy(signOut, false);
        S.messages.error("You could not be signed out. " + error.message);
      });
    });
    var form = $("#address-form");
    var button = onSubmit(form, "Saving…", function (values) {
      return S.api("POST", "/api/accounts/me/addresses", { body: addressFrom(values) }).then(function () {
        form.reset();
        return loadAddresses();
      }).then(function () {
        busy(button, false);
        S.messages.ok("Address saved.");
      });
    }, function (error) {
      S.messages.error("The address could not be saved. " + error.message);
    });
    passwordForm();
  }

  /** Changing the password ends every other session; this tab gets a new one from the answer. */
  function passwordForm() {
    var form = $("#password-form");
    var button = onSubmit(form, "Changing…", function (values) {
      return S.api("PUT", "/api/accounts/me/password", {
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        cookies: true
      }).then(function (response) {
        S.session.start(response.body.accessToken, response.body.expiresIn);
        form.reset();
        busy(button, false);
        S.messages.ok("Your password has been changed. You have been signed out on every other device.");
      });
    }, function (error) {
      if (error.status === 403) {
        S.messages.error("Your current password is not correct.");
      } else if (error.status === 429) {
        S.messages.error("Too many attempts. Please wait a few minutes and try again.");
      } else {
        S.messages.error("Your password could not be changed. " + error.message);
      }
    });
  }

  // ---- checkout -------------------------------------------------------------------------------------------------

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" +
      hex.slice(20);
  }

  /**
   * One Idempotency-Key per checkout attempt: the same cart and address reuse the stored key, so a double click, a
   * retry after a lost response or a reload never places a second order. A different body is a new attempt.
   */
  function attemptFor(body) {
    var json = JSON.stringify(body);
    try {
      var stored = JSON.parse(sessionStorage.getItem(CHECKOUT_ATTEMPT) || "null");
      if (stored && stored.body === json) {
        return stored;
      }
    } catch (e) {
      // unreadable: start a new attempt
    }
    var attempt = { key: uuid(), body: json };
    try {
      sessionStorage.setItem(CHECKOUT_ATTEMPT, JSON.stringify(attempt));
    } catch (e) {
      // without storage the key still lives for this page, which covers double clicks
    }
    return attempt;
  }

  function renderCheckoutCart(cart) {
    var list = $("[data-checkout-lines]");
    list.textContent = "";
    var lines = cart ? cart.lines : [];
    lines.forEach(function (line) {
      var item = el("li", null, "line" + (line.available ? "" : " unavailable"));
      item.dataset.sku = line.sku;
      item.appendChild(el("strong", line.name || line.sku));
      item.appendChild(el("span", "× " + line.quantity));
      item.appendChild(el("span", line.available ? S.money(line.lineTotal, line.currency) : "No longer available",
        "line-total"));
      list.appendChild(item);
    });
    setHidden("[data-cart-empty]", lines.length > 0);
    $("[data-cart-total]").textContent = S.totalText(cart ? cart.totals : []);
    $("[data-place-order]").disabled = lines.length === 0;
    showStock(list, lines, function (item) { return item; });
  }

  /**
   * Checkout's 409 out-of-stock: stock ran out between the cart and the order. Each short line says so next to it;
   * nothing was ordered.
   */
  function showShortages(shortages) {
    var items = itemsBySku($("[data-checkout-lines]"));
    var names = [];
    (shortages || []).forEach(function (shortage) {
      var left = typeof shortage.left === "number" ? Math.max(0, shortage.left) : 0;
      names.push(shortage.name || shortage.sku);
      if (items[shortage.sku]) {
        showStockNote(items[shortage.sku], stockNote(Number(shortage.requested) || left + 1, left));
      }
    });
    return names;
  }

  function renderAddressChoices(addresses) {
    var box = $("[data-address-choices]");
    box.textContent = "";
    var newFields = $("[data-new-address]");
    function choose() {
      var useNew = !$("input[name=address]:checked") || $("input[name=address]:checked").value === "new";
      newFields.hidden = !useNew;
      newFields.querySelectorAll("input").forEach(function (input) {
        input.disabled = !useNew;
      });
    }
    addresses.concat([null]).forEach(function (address, i) {
      var id = "ship-to-" + i;
      var wrap = el("div", null, "choice");
      var radio = el("input");
      radio.type = "radio";
      radio.name = "address";
      radio.id = id;
      radio.value = address ? String(i) : "new";
      radio.checked = i === 0;
      radio.addEventListener("change", choose);
      var label = el("label", address ? addressText(address) : "A new address");
      label.htmlFor = id;
      wrap.appendChild(radio);
      wrap.appendChild(label);
      box.appendChild(wrap);
    });
    setHidden("[data-saved-addresses]", addresses.length === 0);
    choose();
  }

  function checkoutProblem(error) {
    var type = String(error.problem.type || "");
    if (error.status === 409 && type.indexOf("out-of-stock") >= 0) {
      var names = showShortages(error.problem.shortages);
      return {
        text: "Not enough left of " + (names.length ? names.join(", ") : "some products") + " to place this order. " +
          "Nothing was ordered; please lower the quantity or remove them.",
        link: true,
        nothingOrdered: true
      };
    }
    if (error.status === 409 && type.indexOf("price-changed") >= 0) {
      return { text: "Some prices changed since you added the products. Please review your cart.", link: true };
    }
    if (error.status === 422 && type.indexOf("unavailable") >= 0) {
      return { text: "Some products in your cart are no longer available. Please remove them.", link: true };
    }
    if (error.status === 0 || error.status >= 500) {
      return {
        text: "We could not confirm your order because the shop did not answer. Press Place order again: " +
          "it is safe, you will not be charged twice.",
        link: false
      };
    }
    return { text: "Your order could not be placed. " + error.message, link: false };
  }

  function checkoutPage() {
    S.session.ready().then(function (signedIn) {
      if (signedIn) {
        showCheckout();
      } else {
        signedOutSection();
      }
    });
  }

  function showCheckout() {
    setHidden("[data-signed-in]", false);
    var cartId = null;
    var addresses = [];
    var inFlight = null;

    S.cart.load().then(function (cart) {
      cartId = cart ? cart.id : null;
      renderCheckoutCart(cart);
    }, function (error) {
      $("[data-place-order]").disabled = true;
      S.messages.error("Your cart cannot be loaded right now. " + error.message);
    });
    S.api("GET", "/api/accounts/me/addresses").then(function (response) {
      addresses = response.body;
      renderAddressChoices(addresses);
    }, function () {
      renderAddressChoices([]); // the address book is down: a typed-in address still works
    });

    var form = $("#checkout-form");
    var button = $("[data-place-order]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (inFlight || !cartId) {
        return; // a second click while the first is in flight does nothing
      }
      var chosen = $("input[name=address]:checked");
      var address = chosen && chosen.value !== "new"
        ? addresses[Number(chosen.value)]
        : addressFrom(formValues($("[data-new-address]").closest("form")));
      var body = { cartId: cartId, shippingAddress: addressFrom(address) };
      var attempt = attemptFor(body);
      busy(button, true, "Placing your order…");
      S.messages.clear();
      inFlight = S.api("POST", "/api/orders", {
        body: attempt.body,
        headers: { "Idempotency-Key": attempt.key }
      }).then(function (response) {
        sessionStorage.removeItem(CHECKOUT_ATTEMPT);
        S.cart.showCount(null);
        location.assign("/order.html?id=" + encodeURIComponent(response.body.id) + "&placed=1");
      }, function (error) {
        inFlight = null;
        busy(button, false);
        var problem = checkoutProblem(error);
        if (problem.nothingOrdered) {
          sessionStorage.removeItem(CHECKOUT_ATTEMPT); // nothing was ordered: the changed cart is a new attempt
        }
        S.messages.error(problem.text, problem.link ? { href: "/cart.html", text: "Review your cart" } : null);
      });
    });
  }

  // ---- order page -----------------------------------------------------------------------------------------------

  function orderPage() {
    S.session.ready().then(function (signedIn) {
      if (signedIn) {
        showOrder();
      } else {
        signedOutSection();
      }
    });
  }

  function showOrder() {
    var params = new URLSearchParams(location.search);
    var id = params.get("id");
    if (!id) {
      S.messages.error("No order was named.", { href: "/account/index.html", text: "See your orders" });
      return;
    }
    S.api("GET", "/api/orders/" + encodeURIComponent(id)).then(function (response) {
      var order = response.body;
      $("[data-order-heading]").textContent = params.get("placed") ? "Thank you for your order" : "Your order";
      setHidden("[data-order-confirmation]", !params.get("placed"));
      $("[data-order-id]").textContent = order.id;
      $("[data-order-date]").textContent = dateText(order.createdAt);
      $("[data-order-status]").textContent = order.status.charAt(0) + order.status.slice(1).toLowerCase();
      $("[data-order-address]").textContent = addressText(order.shippingAddress);
      var list = $("[data-order-lines]");
      list.textContent = "";
      order.lines.forEach(function (line) {
        var item = el("li", null, "line");
        item.appendChild(el("strong", line.name));
        item.appendChild(el("span", line.quantity + " × " + S.money(line.unitPrice, order.currency)));
        item.appendChild(el("span", S.money(line.lineTotal, order.currency), "line-total"));
        list.appendChild(item);
      });
      $("[data-order-total]").textContent = S.money(order.total, order.currency);
      setHidden("[data-order]", false);
      focusHeading();
    }, function (error) {
      S.messages.error(error.status === 404 ? "We could not find this order." : error.message);
    });
  }

  var PAGES = {
    cart: cartPage,
    "sign-in": signInPage,
    "sign-up": signUpPage,
    account: accountPage,
    checkout: checkoutPage,
    order: orderPage
  };

  var page = PAGES[document.body.dataset.page];
  if (page) {
    page();
  }
})();
