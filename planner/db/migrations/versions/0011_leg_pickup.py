"""A departure's pick-up at the hotel: travel_leg.pickup_utc.

The moment the trip's vehicle leaves the hotel for a member's own flight or
train, so the driver's manifest lists the run at that time and not at the
flight's. Nullable: existing legs have no pick-up time yet and their
manifests say so.

Revision ID: 0011_leg_pickup
Revises: 0010_briefing
Create Date: 2026-12-06 10:00:00.000000
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0011_leg_pickup'
down_revision = '0010_briefing'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('travel_leg', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pickup_utc', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('travel_leg', schema=None) as batch_op:
        batch_op.drop_column('pickup_utc')
