/**
 * Where the sign-in example keeps its users and password-reset requests: an interface the handlers
 * depend on, and an in-memory implementation with an injectable clock, so that tests can seed a user
 * and move time forward. A real deployment implements the same interface on its database.
 *
 * @example
 * let now = new Date("2025-01-01T09:00:00Z");
 * const users = createMemoryUserRepository({ now: () => now });
 * await users.add({ email: "ada@example.com", password: "Analytical#1", firstName: "Ada", lastName: "Lovelace", offersAccepted: false });
 * await users.recordResetRequest("ada@example.com");
 * now = new Date("2025-01-02T10:00:00Z"); // 25 hours later: a new reset is allowed again
 */

/** A registered user. */
export interface User {
  readonly email: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly offersAccepted: boolean;
}

/** Lookups take an AbortSignal so that a step's deadline can cancel them. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** The storage the sign-in handlers use. */
export interface UserRepository {
  find(email: string, options?: CallOptions): Promise<User | undefined>;
  add(user: User, options?: CallOptions): Promise<void>;
  /** Records a sign-in (the flow closes after it). */
  recordSignIn(email: string, options?: CallOptions): Promise<void>;
  /** When the last password reset was requested for `email`, if ever. */
  lastResetRequest(email: string, options?: CallOptions): Promise<Date | undefined>;
  recordResetRequest(email: string, options?: CallOptions): Promise<void>;
  /** The repository's clock. */
  now(): Date;
}

/** Options of {@link createMemoryUserRepository}. */
export interface MemoryUserRepositoryOptions {
  /** The clock; defaults to the system time. */
  readonly now?: () => Date;
}

/** An in-memory {@link UserRepository}: one per process, or one per test. */
export function createMemoryUserRepository(options: MemoryUserRepositoryOptions = {}): UserRepository & {
  readonly signIns: ReadonlyMap<string, Date>;
} {
  const clock = options.now ?? (() => new Date());
  const users = new Map<string, User>();
  const resetRequests = new Map<string, Date>();
  const signIns = new Map<string, Date>();
  const key = (email: string): string => email.trim().toLowerCase();
  const checked = (signal: AbortSignal | undefined): void => signal?.throwIfAborted();
  return {
    signIns,
    now: clock,
    find: async (email, call) => {
      checked(call?.signal);
      return users.get(key(email));
    },
    add: async (user, call) => {
      checked(call?.signal);
      users.set(key(user.email), user);
    },
    recordSignIn: async (email, call) => {
      checked(call?.signal);
      signIns.set(key(email), clock());
    },
    lastResetRequest: async (email, call) => {
      checked(call?.signal);
      return resetRequests.get(key(email));
    },
    recordResetRequest: async (email, call) => {
      checked(call?.signal);
      resetRequests.set(key(email), clock());
    },
  };
}

/** A user the flow's path examples sign in with; seed it with {@link seedExampleUsers}. */
export const exampleUser: User = {
  email: "ada@example.com",
  password: "Analytical#1",
  firstName: "Ada",
  lastName: "Lovelace",
  offersAccepted: false,
};

/**
 * Puts the data the flow's `examples` rely on into `users`: {@link exampleUser}, who asked for a password
 * reset just now (so that a second request within 24 hours is refused).
 */
export async function seedExampleUsers(users: UserRepository): Promise<void> {
  await users.add(exampleUser);
  await users.recordResetRequest(exampleUser.email);
}
