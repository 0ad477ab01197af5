// Hook for the cart: every product page carries <form class="add-to-cart" data-sku="…">. A later change wires these
// forms to /api/carts; until then the script only keeps the forms from reloading the page.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.classList.contains("add-to-cart")) {
      event.preventDefault();
      document.dispatchEvent(new CustomEvent("storefront:add-to-cart", {
        detail: { sku: form.dataset.sku, quantity: Number(new FormData(form).get("quantity") || 1) }
      }));
    }
  });
})();
