/** Request and response schemas of the people routes. */
import { type Static, Type } from 'typebox';
import { ROLES } from '../catalogue/manifest.ts';

const Password = Type.String({ minLength: 1, maxLength: 200 });

export const Login = Type.Object(
  {
    login: Type.String({ minLength: 3, maxLength: 254, description: 'Email or mobile number' }),
    password: Password,
    _csrf: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type LoginInput = Static<typeof Login>;

export const RoleName = Type.Enum(ROLES);

export const GrantView = Type.Object({
  id: Type.String(),
  role: Type.String(),
  agencyId: Type.Union([Type.String(), Type.Null()]),
});

export const SessionView = Type.Object({
  user: Type.Object({ id: Type.String(), kind: Type.String(), displayName: Type.String() }),
  grants: Type.Array(GrantView),
  permissions: Type.Array(Type.String(), {
    description: 'Every permission the grants hold, in the whole tenant or in some agency',
  }),
  tenantPermissions: Type.Array(Type.String(), {
    description: 'The permissions held in the whole tenant (by grants without an agency)',
  }),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});

export const Register = Type.Object(
  {
    displayName: Type.String({ minLength: 2, maxLength: 120 }),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    nik: Type.Optional(Type.String({ maxLength: 20 })),
    password: Password,
  },
  { additionalProperties: false },
);
export type RegisterInput = Static<typeof Register>;

export const CreateUser = Type.Object(
  {
    kind: Type.Union([Type.Literal('staff'), Type.Literal('partner'), Type.Literal('citizen')]),
    displayName: Type.String({ minLength: 2, maxLength: 120 }),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    nik: Type.Optional(Type.String({ maxLength: 20 })),
    nip: Type.Optional(Type.String({ maxLength: 30 })),
    partnerKind: Type.Optional(
      Type.Union([Type.Literal('employer'), Type.Literal('hospital'), Type.Literal('school')]),
    ),
    password: Password,
  },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUser>;

export const FirstAdministrator = Type.Object(
  {
    displayName: Type.String({ minLength: 2, maxLength: 120 }),
    email: Type.String({ maxLength: 254, description: 'Where the link to set the password is sent' }),
    nip: Type.String({ maxLength: 30, description: 'NIP (18 digits) of the civil servant' }),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
  },
  { additionalProperties: false },
);
export type FirstAdministratorInput = Static<typeof FirstAdministrator>;

export const UserView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  displayName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  nip: Type.Union([Type.String(), Type.Null()]),
  partnerKind: Type.Union([Type.String(), Type.Null()]),
  grants: Type.Array(GrantView),
  locked: Type.Boolean({
    description:
      'Some address is locked out of this account by its failed sign-ins (the owner signs in from any other address; a password reset unlocks it)',
  }),
});

export const GrantRole = Type.Object(
  { role: RoleName, agencyId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])) },
  { additionalProperties: false },
);
export type GrantRoleInput = Static<typeof GrantRole>;

export const CreateToken = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 80 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false },
);
export type CreateTokenInput = Static<typeof CreateToken>;

export const TokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revoked: Type.Boolean(),
});

export const PasswordResetRequest = Type.Object(
  { login: Type.String({ minLength: 3, maxLength: 254, description: 'Email or mobile number' }) },
  { additionalProperties: false },
);
export type PasswordResetRequestInput = Static<typeof PasswordResetRequest>;

export const PasswordResetConfirm = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 100, description: 'The token of the link sent' }),
    password: Type.String({ minLength: 1, maxLength: 200, description: 'The new password' }),
  },
  { additionalProperties: false },
);
export type PasswordResetConfirmInput = Static<typeof PasswordResetConfirm>;
