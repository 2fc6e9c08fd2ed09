"""Pictures that failed are asked again later, less often each time.

A picture whose server was down or answered 5xx used to stay failed for good, so
its post showed "not downloaded" forever. Each media row now counts its failures
in a row and says when to ask again (5 minutes doubling, at most a day, as for
feeds); a download that works resets both.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("media") as batch:
        batch.add_column(sa.Column("failures", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("next_try", sa.DateTime()))


def downgrade() -> None:
    with op.batch_alter_table("media") as batch:
        batch.drop_column("next_try")
        batch.drop_column("failures")
