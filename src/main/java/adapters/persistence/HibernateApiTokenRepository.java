package adapters.persistence;

import domain.account.ApiToken;
import domain.account.User;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import domain.ConflictException;
import usecase.port.ApiTokenRepository;

@ApplicationScoped
@Transactional // reads open their own transaction; writes require the caller's (a use case's)
public class HibernateApiTokenRepository implements ApiTokenRepository {

    private final ActiveSession sessions;

    HibernateApiTokenRepository(ActiveSession sessions) {
        this.sessions = sessions;
    }

    private Session session() {
        return sessions.get();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(ApiToken token) {
        if (exists(token.id(), token.secretHash())) {
            return false;
        }
        ApiTokenEntity entity = new ApiTokenEntity();
        entity.id = token.id();
        entity.userId = token.userId();
        entity.name = token.name();
        entity.secretHash = token.secretHash();
        entity.createdAt = token.createdAt();
        entity.expiresAt = token.expiresAt();
        session().persist(entity);
        try {
            session().flush();
        } catch (ConstraintViolationException e) {
            if (EcgRows.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false; // the same id or secret was stored by a concurrent request
            }
            throw new ConflictException("the account was deleted while this request ran; no token was issued");
        }
        return true;
    }

    @Override
    public boolean exists(UUID id, String secretHash) {
        return session().createSelectionQuery(
                        "select count(t) from ApiTokenEntity t where t.id = :id or t.secretHash = :hash", Long.class)
                .setParameter("id", id).setParameter("hash", secretHash).getSingleResult() > 0;
    }

    @Override
    public Optional<ApiToken> find(UUID id, UUID userId) {
        return Optional.ofNullable(session().find(ApiTokenEntity.class, id))
                .filter(t -> t.userId.equals(userId)).map(HibernateApiTokenRepository::toDomain);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteAllOf(UUID userId) {
        return session().createMutationQuery("delete from ApiTokenEntity t where t.userId = :user")
                .setParameter("user", userId).executeUpdate();
    }

    @Override
    public List<ApiToken> listAll() {
        return session().createSelectionQuery("from ApiTokenEntity t order by t.createdAt, t.id", ApiTokenEntity.class)
                .getResultList().stream().map(HibernateApiTokenRepository::toDomain).toList();
    }

    @Override
    public Optional<User> findOwnerOfValidToken(String secretHash, Instant now) {
        return session().createSelectionQuery("""
                        select u from ApiTokenEntity t, UserEntity u
                        where t.secretHash = :hash and t.expiresAt > :now and u.id = t.userId""", UserEntity.class)
                .setParameter("hash", secretHash).setParameter("now", now)
                .uniqueResultOptional().map(HibernateUserRepository::toDomain);
    }

    @Override
    public List<ApiToken> listByUser(UUID userId) {
        return session().createSelectionQuery(
                        "from ApiTokenEntity t where t.userId = :user order by t.createdAt desc", ApiTokenEntity.class)
                .setParameter("user", userId)
                .getResultList().stream().map(HibernateApiTokenRepository::toDomain).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(UUID id, UUID userId) {
        return session().createMutationQuery("delete from ApiTokenEntity t where t.id = :id and t.userId = :user")
                .setParameter("id", id).setParameter("user", userId).executeUpdate() == 1;
    }

    private static ApiToken toDomain(ApiTokenEntity entity) {
        return new ApiToken(entity.id, entity.userId, entity.name, entity.secretHash, entity.createdAt, entity.expiresAt);
    }
}
