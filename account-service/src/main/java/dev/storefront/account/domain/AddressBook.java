package dev.storefront.account.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One account's addresses. Another account's address id is indistinguishable from one that does not exist. */
@ApplicationScoped
public class AddressBook {

    /** The fields of an address as the customer gives them. */
    public record Fields(String name, String line1, String line2, String city, String postalCode, String country) {}

    @Transactional
    public List<Address> list(UUID accountId) {
        return Address.ownedBy(accountId);
    }

    @Transactional
    public Address get(UUID accountId, UUID id) {
        return Address.findOwned(accountId, id)
                .orElseThrow(() -> new AccountException(AccountException.Reason.ADDRESS_NOT_FOUND));
    }

    @Transactional
    public Address add(UUID accountId, Fields fields) {
        Address address = new Address();
        address.id = UUID.randomUUID();
        address.accountId = accountId;
        address.createdAt = Instant.now();
        apply(address, fields);
        address.persist();
        return address;
    }

    @Transactional
    public Address replace(UUID accountId, UUID id, Fields fields) {
        Address address = get(accountId, id);
        apply(address, fields);
        return address;
    }

    @Transactional
    public void remove(UUID accountId, UUID id) {
        get(accountId, id).delete();
    }

    private static void apply(Address address, Fields fields) {
        address.name = fields.name().strip();
        address.line1 = fields.line1().strip();
        address.line2 = fields.line2() == null || fields.line2().isBlank()
                ? null
                : fields.line2().strip();
        address.city = fields.city().strip();
        address.postalCode = fields.postalCode().strip();
        address.country = fields.country();
    }
}
